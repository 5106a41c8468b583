package org.doudi.cases;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How an applicant or household member is related to a township caseworker or village official
 * (近亲属, for 近亲属备案): the person is the staff member's spouse, parent, child, sibling or another near
 * relative. No relation is the default and is not a value.
 */
public enum StaffRelation {
    SPOUSE("配偶", "spouse"),
    PARENT("父母", "parent", "父亲", "母亲"),
    CHILD("子女", "child", "儿子", "女儿"),
    SIBLING("兄弟姐妹", "sibling", "兄弟", "姐妹"),
    OTHER_NEAR_RELATIVE("其他近亲属", "other", "other-near-relative", "祖父母", "外祖父母", "孙子女", "外孙子女");

    private static final Map<String, StaffRelation> BY_NAME = new HashMap<>();

    static {
        for (StaffRelation r : values()) {
            BY_NAME.put(r.name().toLowerCase(Locale.ROOT), r);
            BY_NAME.put(r.label, r);
            for (String alias : r.aliases) {
                BY_NAME.put(alias.toLowerCase(Locale.ROOT), r);
            }
        }
    }

    private final String label;
    private final String[] aliases;

    StaffRelation(String label, String... aliases) {
        this.label = label;
        this.aliases = aliases;
    }

    public String label() {
        return label;
    }

    /** The enum name, an English word or the Chinese term, case-insensitively. */
    public static Optional<StaffRelation> parse(String value) {
        return value == null ? Optional.empty()
                : Optional.ofNullable(BY_NAME.get(value.trim().toLowerCase(Locale.ROOT)));
    }

    /** The values as the error messages list them. */
    public static String allowed() {
        StringBuilder s = new StringBuilder();
        for (StaffRelation r : values()) {
            s.append(s.isEmpty() ? "" : ", ").append(r.name()).append("（").append(r.label).append("）");
        }
        return s.toString();
    }
}
