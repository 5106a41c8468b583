package org.doudi.verification;

import java.util.Locale;
import java.util.Optional;

/**
 * The home visit's finding on a 特困 applicant's ability to work ({@code applicantAbleToWork} on
 * {@code Task_HomeVisit}): the county's assessment that the 认定办法 leaves room for. Left out, ability
 * follows from age and disability ({@link org.doudi.household.WorkAbility}).
 */
public enum WorkAbilityFinding {
    /** 按年龄、残疾等级认定: no finding of its own. */
    PRESUMED("presumed", "按年龄、残疾等级认定"),
    /** 经调查有劳动能力. */
    ABLE("yes", "经调查有劳动能力"),
    /** 经调查评估无劳动能力. */
    UNABLE("no", "经调查评估无劳动能力");

    private final String formValue;
    private final String label;

    WorkAbilityFinding(String formValue, String label) {
        this.formValue = formValue;
        this.label = label;
    }

    /** The value the form submits. */
    public String formValue() {
        return formValue;
    }

    public String label() {
        return label;
    }

    /** Parses the form value ({@code presumed}/{@code yes}/{@code no}), the enum name, or true/false. */
    public static Optional<WorkAbilityFinding> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (WorkAbilityFinding f : values()) {
            if (f.formValue.equals(v) || f.name().toLowerCase(Locale.ROOT).equals(v)) {
                return Optional.of(f);
            }
        }
        return switch (v) {
            case "true" -> Optional.of(ABLE);
            case "false" -> Optional.of(UNABLE);
            default -> Optional.empty();
        };
    }
}
