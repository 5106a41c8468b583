package org.doudi.cases;

import java.math.BigDecimal;
import java.util.List;

/**
 * An application as submitted, over the API or from the Tasklist intake form, before validation.
 * Field names are those of the contract; {@code kind} ({@code EMERGENCY}/{@code EXPENDITURE}) and
 * {@code cause} (a {@link TemporaryCause}) are for temporary assistance only.
 */
public record ApplicationForm(String programme, String kind, String villageCode, Applicant applicant,
        List<Member> members, String reason, BigDecimal requestedAmount, String cause) {

    /** An application without a temporary-assistance cause. */
    public ApplicationForm(String programme, String kind, String villageCode, Applicant applicant,
            List<Member> members, String reason, BigDecimal requestedAmount) {
        this(programme, kind, villageCode, applicant, members, reason, requestedAmount, null);
    }

    /**
     * @param staffRelation optional (近亲属备案): the applicant is a near relative of a township caseworker or
     *        village official; none when absent
     */
    public record Applicant(String name, String idNumber, String phone, StaffRelationDeclaration staffRelation) {

        public Applicant(String name, String idNumber, String phone) {
            this(name, idNumber, phone, null);
        }
    }

    /**
     * A declared near relation to a member of staff (近亲属备案): the person is the staff member's
     * {@code relation} (a {@link StaffRelation}: SPOUSE, PARENT, CHILD, SIBLING, OTHER_NEAR_RELATIVE, or the
     * Chinese term); the staff member's name and post (e.g. 村委会主任, 乡镇民政助理员).
     */
    public record StaffRelationDeclaration(String relation, String staffName, String staffPost) {

        /** Nothing given (a Tasklist form submits the empty group). */
        public boolean isEmpty() {
            return blank(relation) && blank(staffName) && blank(staffPost);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /**
     * @param disabilityGrade 1 (most severe) to 4, or none
     * @param disabilityCategory 视力/听力/言语/肢体/智力/精神/多重 or VISUAL … MULTIPLE, optional
     * @param ableToWork optional; the applicant's declaration, kept and shown to the caseworker. It decides
     *        nothing: ability to work follows from age, disability and the home visit's finding
     * @param inSchool optional; a minor enrolled in school (在校学生), covered by 特困 until 18; no when absent
     * @param staffRelation optional (近亲属备案), none when absent
     */
    public record Member(String name, String idNumber, String relation, Integer disabilityGrade,
            String disabilityCategory, Boolean seriousIllness, Boolean ableToWork, Boolean inSchool,
            StaffRelationDeclaration staffRelation) {

        /** A member without a school record or a near relation to staff. */
        public Member(String name, String idNumber, String relation, Integer disabilityGrade,
                String disabilityCategory, Boolean seriousIllness, Boolean ableToWork) {
            this(name, idNumber, relation, disabilityGrade, disabilityCategory, seriousIllness, ableToWork, null, null);
        }
    }
}
