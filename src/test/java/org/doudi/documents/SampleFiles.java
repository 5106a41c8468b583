package org.doudi.documents;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.doudi.cases.CaseStatus;
import org.doudi.cases.DecisionStage;
import org.doudi.cases.Programme;
import org.doudi.cases.TimelineStep;

/**
 * Case files as the tables would give them, written by hand: a household of three in 甲县一镇东村. Times
 * are UTC instants chosen so that the date in Beijing differs from the UTC date where it matters.
 */
final class SampleFiles {

    /** The applicant's full ID: never to be printed. */
    static final String APPLICANT_ID = "11010519491231002X";
    static final String APPLICANT_ID_MASKED = "110105********002X";
    static final String SPOUSE_ID = "440524188001010014";
    static final String SPOUSE_ID_MASKED = "440524********0014";

    /** 2026-03-02 17:30 UTC = 2026-03-03 01:30 in Beijing. */
    static final Instant SUBMITTED = Instant.parse("2026-03-02T17:30:00Z");
    static final Instant ACCEPTED = Instant.parse("2026-03-04T02:00:00Z");
    static final Instant REVIEWED = Instant.parse("2026-03-20T03:00:00Z");
    /** Posted 2026-03-20 (Beijing); the 7 days are 03-21 to 03-27; it ends at midnight starting 03-28. */
    static final Instant NOTICE_ENDS = Instant.parse("2026-03-27T16:00:00Z");
    static final Instant DECIDED = Instant.parse("2026-03-30T16:30:00Z"); // 2026-03-31 00:30 in Beijing
    static final Instant GENERATED = Instant.parse("2026-04-01T01:00:00Z");

    private SampleFiles() {
    }

    static final class Builder {
        Programme programme = Programme.DIBAO;
        String temporaryKind;
        String cause;
        CaseStatus status = CaseStatus.SUBMITTED;
        String reason = "因病致贫，家庭收入低";
        BigDecimal requested;
        boolean delegated;
        Instant accepted;
        Instant noticeEnds;
        Instant closed;
        final List<CaseFile.Decision> decisions = new ArrayList<>();
        final List<CaseFile.Step> timeline = new ArrayList<>();
        CaseFile.Assessment assessment;
        CaseFile.Benefit benefit;
        CaseFile.Grant grant;
        String township = "130102100";
        String townshipName = "甲县一镇";

        Builder decision(DecisionStage stage, String outcome, String opinion, String amount, String actor,
                Instant at) {
            decisions.add(new CaseFile.Decision(stage, outcome, opinion, amount == null ? null : new BigDecimal(amount),
                    actor, actor.equals("system") ? null : "王经办", at));
            return this;
        }

        Builder step(TimelineStep step, String outcome, Instant at) {
            timeline.add(new CaseFile.Step(step, outcome, null, "caseworker1", at));
            return this;
        }

        Builder accepted() {
            accepted = ACCEPTED;
            status = CaseStatus.INVESTIGATION;
            return decision(DecisionStage.ACCEPTANCE, "accepted", null, null, "caseworker1", ACCEPTED);
        }

        Builder assessed(String perCapita, String standard, String proposed, boolean eligible) {
            assessment = new CaseFile.Assessment(new BigDecimal(perCapita), new BigDecimal(standard), 3, 3,
                    new BigDecimal(proposed), eligible, eligible ? "符合" : "不符合（收入高于标准）", null, null, REVIEWED);
            return this;
        }

        Builder noticed() {
            status = CaseStatus.PUBLIC_NOTICE;
            noticeEnds = NOTICE_ENDS;
            decision(DecisionStage.TOWNSHIP_REVIEW, "approve", "经入户调查，情况属实，同意上报", null, "caseworker1", REVIEWED);
            return step(TimelineStep.PUBLIC_NOTICE_STARTED, "posted", REVIEWED);
        }

        CaseFile build() {
            return new CaseFile("DB-2026-130102100-000042", programme, temporaryKind, cause, status, "张小三",
                    APPLICANT_ID_MASKED,
                    List.of(new CaseFile.Member("张小三", APPLICANT_ID_MASKED, "本人"),
                            new CaseFile.Member("李四", SPOUSE_ID_MASKED, "配偶"),
                            new CaseFile.Member("张小五", "130102********0031", "子女")),
                    new CaseFile.Place(township + "201", "一镇东村"), new CaseFile.Place(township, townshipName),
                    new CaseFile.Place("130102", "甲县"), reason, requested, delegated, SUBMITTED, accepted,
                    noticeEnds, closed, decisions, timeline, assessment, benefit, grant);
        }
    }

    static Builder dibao() {
        return new Builder();
    }
}
