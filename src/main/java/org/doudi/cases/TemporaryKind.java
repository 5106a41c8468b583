package org.doudi.cases;

import java.util.Locale;
import java.util.Optional;

/** The two kinds of temporary assistance (临时救助). */
public enum TemporaryKind {
    /** 急难型: fire, accident, sudden illness; the township pays at once from its reserve fund (先行救助). */
    EMERGENCY,
    /** 支出型: a sudden necessary expense; verified, reviewed and decided by the county. */
    EXPENDITURE;

    public static Optional<TemporaryKind> parse(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
