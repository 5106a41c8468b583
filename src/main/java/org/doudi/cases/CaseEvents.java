package org.doudi.cases;

import java.util.List;

/**
 * What happens to cases that other features react to, published in the transaction of the change
 * (Spring application events; listeners run in the same transaction).
 */
public final class CaseEvents {

    private CaseEvents() {
    }

    /**
     * A case was registered at intake, with the near relations to staff its application declared
     * (近亲属备案; empty when none). Listeners run in the intake's transaction.
     */
    public record Submitted(String caseNumber, List<DeclaredNearRelation> declaredNearRelations,
            String actor) {
    }

    /** The township accepted the application (受理): the procedure's time limit counts from now. */
    public record Accepted(String caseNumber) {
    }

    /** An objection was raised during the public notice. */
    public record ObjectionRaised(String caseNumber) {
    }

    /**
     * The applicant objected to the verification result (对核对结果有异议): a special circumstance, the whole
     * procedure runs to its longer limit.
     */
    public record VerificationObjectionRaised(String caseNumber, String actor) {
    }

    /** The rejection notice of a case went out. */
    public record Rejected(String caseNumber) {
    }

    /**
     * Staff asked for the person to be referred to the poverty office (转介).
     *
     * @param trigger {@code TOWNSHIP_REVIEW}, {@code FOLLOW_UP} …
     */
    public record ReferralRequested(String caseNumber, String trigger, String reason, String actor) {
    }
}
