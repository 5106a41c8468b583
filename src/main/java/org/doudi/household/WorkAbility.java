package org.doudi.household;

import java.util.Optional;

/**
 * Ability to work (劳动能力) as the 2021 《特困人员认定办法》 defines its absence: a person is unable to work
 * when aged 60 or over, under 16 (a minor still in school stays covered until 18), or with an
 * intellectual or mental disability of grade 1–3, a physical disability of grade 1–2 or a visual
 * disability of grade 1; or when the county's assessment (here: the home visit's finding, with its
 * reason) says a condition prevents work. Hearing and speech disabilities, visual grade 2, other
 * categories and a serious illness alone do not: they count for 单人户 ({@link HouseholdMember#severe}),
 * not here.
 * <p>
 * This is a presumption from what the case file proves (the birth date in the resident ID, the
 * disability certificate's category and grade, school enrolment), never the applicant's word: an
 * application's {@code ableToWork} is kept as a declaration and decides nothing.
 */
public final class WorkAbility {

    /** 60 周岁以上的老年人. */
    public static final int OLD_AGE = 60;
    /** 未满 16 周岁的未成年人. */
    public static final int MINOR_UNTIL = 16;
    /** A minor in school stays covered until 18 (在校就读的未成年人). */
    public static final int STUDENT_UNTIL = 18;

    private WorkAbility() {
    }

    /** Why the rules presume a person unable to work. */
    public enum Basis {
        OLD_AGE("年满 60 周岁"),
        MINOR("未满 16 周岁"),
        STUDENT("未满 18 周岁且在校就读"),
        DISABILITY("一至三级智力、精神残疾，一至二级肢体残疾或一级视力残疾");

        private final String label;

        Basis(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Age comes from the resident ID: no finding can set it aside. */
        public boolean fromAge() {
            return this == OLD_AGE || this == MINOR;
        }
    }

    /**
     * Why a person of this age, schooling and disability is presumed unable to work, or empty when he is
     * presumed able to work.
     *
     * @param inSchool a minor enrolled in school (在校学生); {@code false} when not recorded
     * @param category the disability certificate's category, or {@code null}
     * @param grade its grade, 1 (most severe) to 4, or {@code null}
     */
    public static Optional<Basis> presumedUnable(int age, boolean inSchool, DisabilityCategory category,
            Integer grade) {
        if (age >= OLD_AGE) {
            return Optional.of(Basis.OLD_AGE);
        }
        if (age < MINOR_UNTIL) {
            return Optional.of(Basis.MINOR);
        }
        if (age < STUDENT_UNTIL && inSchool) {
            return Optional.of(Basis.STUDENT);
        }
        if (disabilityPreventsWork(category, grade)) {
            return Optional.of(Basis.DISABILITY);
        }
        return Optional.empty();
    }

    /**
     * The general presumption of ability to work of a household member (低保 and everything but 特困
     * eligibility): able within the county's working age, unless a minor in school (under 18) or disabled
     * as the 认定办法 lists ({@link #disabilityPreventsWork}); outside working age (for women, where the
     * county sets its own end, that end), unable.
     */
    public static boolean presumedAble(int age, ResidentId.Gender gender, boolean inSchool,
            DisabilityCategory category, Integer grade, WorkingAge workingAge) {
        if (!workingAge.includes(age, gender)) {
            return false;
        }
        if (age < STUDENT_UNTIL && inSchool) {
            return false;
        }
        return !disabilityPreventsWork(category, grade);
    }

    /**
     * The disabilities the 认定办法 lists as preventing work. A grade without a category, and 多重残疾
     * (whose certificate does not say which disability is the severe one), are left to the county's
     * assessment.
     */
    public static boolean disabilityPreventsWork(DisabilityCategory category, Integer grade) {
        if (category == null || grade == null) {
            return false;
        }
        return switch (category) {
            case INTELLECTUAL, MENTAL -> grade <= 3;
            case PHYSICAL -> grade <= 2;
            case VISUAL -> grade <= 1;
            case HEARING, SPEECH, MULTIPLE -> false;
        };
    }
}
