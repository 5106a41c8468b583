package org.doudi.cases;

import java.util.Locale;
import java.util.Optional;

/** The assistance programmes a case can be for. */
public enum Programme {
    /** 农村最低生活保障 (低保): a monthly top-up to the local standard. */
    DIBAO("DB", "最低生活保障"),
    /** 特困人员救助供养 (特困): support for people with no ability to work, no means and no supporter. */
    TEKUN("TK", "特困人员救助供养"),
    /** 临时救助: one-off help, emergency (急难型) or expenditure (支出型). */
    TEMPORARY("LS", "临时救助");

    private final String prefix;
    private final String label;

    Programme(String prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    /** The case-number prefix, e.g. {@code DB}. */
    public String prefix() {
        return prefix;
    }

    public String label() {
        return label;
    }

    public static Optional<Programme> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
