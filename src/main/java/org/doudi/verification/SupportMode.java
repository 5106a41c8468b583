package org.doudi.verification;

/** How a 特困 person is supported; decided by the {@code TekunSupportMode} table. */
public enum SupportMode {
    /** 集中供养: in a care home. */
    CENTRALISED("集中供养"),
    /** 分散供养: at home, with care services. */
    DISPERSED("分散供养");

    private final String label;

    SupportMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
