package org.doudi.household;

import java.util.Optional;

/** Category of a disability certificate (残疾类别). */
public enum DisabilityCategory {
    VISUAL("视力"), HEARING("听力"), SPEECH("言语"), PHYSICAL("肢体"), INTELLECTUAL("智力"), MENTAL("精神"),
    MULTIPLE("多重");

    private final String label;

    DisabilityCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<DisabilityCategory> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        for (DisabilityCategory c : values()) {
            if (c.name().equalsIgnoreCase(v) || c.label.equals(v) || (c.label + "残疾").equals(v)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
