package org.doudi.monitoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.doudi.verification.RegistryCategory;

/**
 * Where a roster comes from ({@code source} of {@code POST /api/rosters}): the departments' rosters the monitoring
 * compares, and the registers of data verification ({@link RegistryCategory}) under their own names.
 */
public record RosterSource(String name, String label) {

    /** The departments' rosters. */
    enum Department {
        POVERTY_MONITORING("防返贫监测（建档立卡）对象"),
        DISABILITY("残疾人（残联）"),
        MEDICAL_EXPENSE("大额医疗自付费用（医保）"),
        EDUCATION_ASSISTANCE("教育资助"),
        HOUSING_ASSISTANCE("住房救助"),
        UNEMPLOYMENT("失业登记"),
        DEATH("死亡（公安）"),
        HOUSEHOLD_MOVE("户籍迁出（公安）");

        private final String label;

        Department(String label) {
            this.label = label;
        }
    }

    public static Optional<RosterSource> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        for (Department d : Department.values()) {
            if (d.name().equals(v)) {
                return Optional.of(new RosterSource(d.name(), d.label));
            }
        }
        for (RegistryCategory c : RegistryCategory.values()) {
            if (c.name().equals(v)) {
                return Optional.of(new RosterSource(c.name(), c.label()));
            }
        }
        return Optional.empty();
    }

    /** Every source, for a message: {@code POVERTY_MONITORING（…）、…}. */
    public static String all() {
        StringBuilder b = new StringBuilder();
        Arrays.stream(Department.values()).forEach(d -> b.append(b.isEmpty() ? "" : "、").append(d.name()));
        Arrays.stream(RegistryCategory.values()).forEach(c -> b.append("、").append(c.name()));
        return b.toString();
    }
}
