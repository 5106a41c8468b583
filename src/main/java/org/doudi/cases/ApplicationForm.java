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

    public record Applicant(String name, String idNumber, String phone) {
    }

    /**
     * @param disabilityGrade 1 (most severe) to 4, or none
     * @param disabilityCategory 视力/听力/言语/肢体/智力/精神/多重 or VISUAL … MULTIPLE, optional
     * @param ableToWork optional; the applicant's declaration, kept and shown to the caseworker. It decides
     *        nothing: ability to work follows from age, disability and the home visit's finding
     * @param inSchool optional; a minor enrolled in school (在校学生), covered by 特困 until 18; no when absent
     */
    public record Member(String name, String idNumber, String relation, Integer disabilityGrade,
            String disabilityCategory, Boolean seriousIllness, Boolean ableToWork, Boolean inSchool) {

        /** A member without a school record. */
        public Member(String name, String idNumber, String relation, Integer disabilityGrade,
                String disabilityCategory, Boolean seriousIllness, Boolean ableToWork) {
            this(name, idNumber, relation, disabilityGrade, disabilityCategory, seriousIllness, ableToWork, null);
        }
    }
}
