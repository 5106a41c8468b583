package org.doudi.cases;

import java.util.Locale;
import java.util.Optional;

/** Why a household needs temporary assistance; the yearly limit counts grants per person and cause. */
public enum TemporaryCause {
    FIRE("火灾"),
    TRAFFIC_ACCIDENT("交通事故"),
    ACCIDENT("意外事故"),
    SERIOUS_ILLNESS("突发重大疾病"),
    NATURAL_DISASTER("自然灾害"),
    MEDICAL_EXPENSE("医疗支出"),
    EDUCATION_EXPENSE("教育支出"),
    OTHER("其他");

    private final String label;

    TemporaryCause(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<TemporaryCause> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        for (TemporaryCause c : values()) {
            if (c.name().equals(v.toUpperCase(Locale.ROOT)) || c.label.equals(v)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
