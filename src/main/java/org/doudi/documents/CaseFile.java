package org.doudi.documents;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.doudi.cases.CaseStatus;
import org.doudi.cases.DecisionStage;
import org.doudi.cases.Programme;
import org.doudi.cases.TimelineStep;

/**
 * What the notices are written from: a case as Doudi's own tables record it (case, household, timeline,
 * decisions, assessment, enrolment, grant), read once and flattened into values. Resident ID numbers are
 * masked here already, so that no document can print one in full.
 */
record CaseFile(
        String caseNumber,
        Programme programme,
        /** {@code EMERGENCY} / {@code EXPENDITURE} for temporary assistance, else {@code null}. */
        String temporaryKind,
        /** The cause of temporary assistance in Chinese, else {@code null}. */
        String causeLabel,
        CaseStatus status,
        String applicantName,
        String applicantIdMasked,
        List<Member> members,
        Place village,
        Place township,
        Place county,
        String reason,
        BigDecimal requestedAmount,
        boolean approvalDelegated,
        Instant submittedAt,
        Instant acceptedAt,
        Instant noticeEndsAt,
        Instant closedAt,
        List<Decision> decisions,
        List<Step> timeline,
        Assessment assessment,
        Benefit benefit,
        Grant grant) {

    public CaseFile {
        members = List.copyOf(members);
        decisions = List.copyOf(decisions);
        timeline = List.copyOf(timeline);
    }

    /** A household member: name, masked ID, relation to the applicant in Chinese. */
    public record Member(String name, String idMasked, String relation) {
    }

    /** A region by code and name. */
    public record Place(String code, String name) {
    }

    /** A recorded decision (受理, 初审, 异议处理, 审核确认): who, when, what, why, how much. */
    public record Decision(DecisionStage stage, String outcome, String opinion, BigDecimal amount, String actor,
            String actorName, Instant at) {

        public boolean is(DecisionStage s, String o) {
            return stage == s && o.equals(outcome);
        }
    }

    /** A step of the timeline. */
    public record Step(TimelineStep step, String outcome, String detail, String actor, Instant at) {
    }

    /** The latest income assessment (收入核算与条件判定). */
    public record Assessment(BigDecimal perCapitaIncome, BigDecimal standard, int householdSize, int enrolledPersons,
            BigDecimal proposedAmount, boolean eligible, String outcomeLabel, String careLevel, String supportMode,
            Instant at) {
    }

    /** The enrolment the approval led to (纳入保障). */
    public record Benefit(BigDecimal monthlyAmount, String startMonth, int persons, String careLevel,
            String supportMode, Instant enrolledAt) {
    }

    /** What a temporary case paid and from where. */
    public record Grant(BigDecimal amount, boolean fromReserveFund, String grantedBy, String grantedByName,
            Instant at) {
    }

    public int householdSize() {
        return members.size();
    }

    public boolean isTemporary() {
        return programme == Programme.TEMPORARY;
    }

    /** The latest decision that matches. */
    public Optional<Decision> lastDecision(Predicate<Decision> which) {
        for (int i = decisions.size() - 1; i >= 0; i--) {
            if (which.test(decisions.get(i))) {
                return Optional.of(decisions.get(i));
            }
        }
        return Optional.empty();
    }

    /** The latest timeline step of a kind. */
    public Optional<Step> lastStep(TimelineStep kind) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).step() == kind) {
                return Optional.of(timeline.get(i));
            }
        }
        return Optional.empty();
    }
}
