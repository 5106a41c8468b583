package org.doudi.household;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A member's relation to the applicant (与申请人关系). */
public enum Relation {
    SELF("本人", "self", "applicant", "户主", "申请人"),
    SPOUSE("配偶", "spouse", "wife", "husband", "妻子", "丈夫", "妻", "夫"),
    CHILD("子女", "child", "son", "daughter", "儿子", "女儿", "子", "女"),
    PARENT("父母", "parent", "father", "mother", "父亲", "母亲", "父", "母"),
    SIBLING("兄弟姐妹", "sibling", "brother", "sister", "兄弟", "姐妹", "哥哥", "弟弟", "姐姐", "妹妹"),
    GRANDCHILD("孙子女", "grandchild", "grandson", "granddaughter", "孙子", "孙女", "外孙", "外孙女"),
    GRANDPARENT("祖父母", "grandparent", "grandfather", "grandmother", "祖父", "祖母", "外祖父", "外祖母", "爷爷", "奶奶"),
    CHILD_IN_LAW("儿媳女婿", "child-in-law", "daughter-in-law", "son-in-law", "儿媳", "女婿"),
    OTHER("其他", "other");

    private static final Map<String, Relation> BY_NAME = new HashMap<>();

    static {
        for (Relation relation : values()) {
            BY_NAME.put(relation.name().toLowerCase(Locale.ROOT), relation);
            BY_NAME.put(relation.label, relation);
            for (String alias : relation.aliases) {
                BY_NAME.put(alias.toLowerCase(Locale.ROOT), relation);
            }
        }
        BY_NAME.put("child_in_law", CHILD_IN_LAW);
    }

    private final String label;
    private final String[] aliases;

    Relation(String label, String... aliases) {
        this.label = label;
        this.aliases = aliases;
    }

    public String label() {
        return label;
    }

    /** Parses the enum name, an English word or the Chinese term, case-insensitively. */
    public static Optional<Relation> parse(String value) {
        return value == null ? Optional.empty()
                : Optional.ofNullable(BY_NAME.get(value.trim().toLowerCase(Locale.ROOT)));
    }

    /** Close relatives who owe support (法定赡养、抚养、扶养义务人). */
    public boolean isLegalSupporter() {
        return this == SPOUSE || this == CHILD || this == PARENT;
    }
}
