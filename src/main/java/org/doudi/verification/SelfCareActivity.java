package org.doudi.verification;

/**
 * The six activities of the 特困 self-care assessment; each is a yes/no field of the home-visit form
 * ({@code true}: manages it).
 */
public enum SelfCareActivity {
    EATING("canEat", "进食"),
    DRESSING("canDress", "穿衣"),
    TRANSFERRING("canGetInOutOfBed", "上下床"),
    TOILETING("canUseToilet", "如厕"),
    WALKING("canWalkIndoors", "室内行走"),
    BATHING("canBathe", "洗澡");

    private final String formField;
    private final String label;

    SelfCareActivity(String formField, String label) {
        this.formField = formField;
        this.label = label;
    }

    /** The form field answering "manages this activity". */
    public String formField() {
        return formField;
    }

    public String label() {
        return label;
    }
}
