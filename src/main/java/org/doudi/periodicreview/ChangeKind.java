package org.doudi.periodicreview;

import java.util.Locale;
import java.util.Optional;

import org.doudi.enrolment.EndReason;

/** A change reported for an enrolled household ({@code POST /api/enrolments/{n}/changes}). */
public enum ChangeKind {
    INCOME_CHANGE("家庭收入变化", null),
    MEMBER_CHANGE("家庭成员变化", null),
    DEATH("死亡", EndReason.DEATH),
    MOVED_AWAY("迁出", EndReason.MOVED_AWAY),
    OTHER("其他", null);

    private final String label;
    private final EndReason stopReason;

    ChangeKind(String label, EndReason stopReason) {
        this.label = label;
        this.stopReason = stopReason;
    }

    public String label() {
        return label;
    }

    /** The reason a stop after this change has unless the decision names another ({@code null}: it must). */
    public EndReason stopReason() {
        return stopReason;
    }

    public static Optional<ChangeKind> parse(String value) {
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
