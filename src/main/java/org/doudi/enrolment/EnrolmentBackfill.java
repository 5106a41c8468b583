package org.doudi.enrolment;

import java.util.List;

import org.doudi.cases.ApprovedBenefit;
import org.doudi.cases.ApprovedBenefitRepository;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseApproved;
import org.doudi.cases.CaseDecision;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.DecisionStage;
import org.doudi.security.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, enrols the approved cases that have no enrolment: those approved before the enrolment module
 * existed (their approval wrote only {@code case_benefit}). Each case as its approval event would, in a
 * transaction of its own; idempotent (a case enrolled meanwhile, by its event or another node, is skipped by
 * {@link Enrolments#enrol}). Once all are enrolled, the start-up query finds nothing: it runs once in effect.
 * A case that cannot be enrolled (a covered person is enrolled by another case) is logged and tried again at
 * the next start.
 */
@Component
class EnrolmentBackfill {

    static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(EnrolmentBackfill.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CaseRepository cases;
    private final ApprovedBenefitRepository benefits;
    private final CaseRecords records;
    private final Enrolments enrolments;

    EnrolmentBackfill(JdbcTemplate jdbc, TransactionTemplate tx, CaseRepository cases,
            ApprovedBenefitRepository benefits, CaseRecords records, Enrolments enrolments) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cases = cases;
        this.benefits = benefits;
        this.records = records;
        this.enrolments = enrolments;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        int enrolled = run();
        if (enrolled > 0) {
            log.info("enrolment: enrolled {} approved cases that had no enrolment", enrolled);
        }
    }

    /** Enrols every approved case without an enrolment; returns how many it enrolled. */
    int run() {
        int enrolled = 0;
        long after = 0;
        while (true) {
            List<Long> caseIds = jdbc.queryForList("select b.case_id from case_benefit b"
                    + " left join enrolment e on e.case_id = b.case_id"
                    + " where b.case_id > ? and e.id is null order by b.case_id limit " + BATCH, Long.class, after);
            for (Long caseId : caseIds) {
                try {
                    Boolean done = tx.execute(status -> enrol(caseId));
                    enrolled += Boolean.TRUE.equals(done) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("enrolment: approved case id {} not enrolled at start-up, tried again at the next: {}",
                            caseId, e.getMessage());
                }
            }
            if (caseIds.size() < BATCH) {
                return enrolled;
            }
            after = caseIds.get(caseIds.size() - 1);
        }
    }

    private boolean enrol(Long caseId) {
        if (enrolments.exists(caseId)) {
            return false;
        }
        AssistanceCase c = cases.findById(caseId).orElseThrow();
        ApprovedBenefit benefit = benefits.findByCaseId(caseId).orElseThrow();
        enrolments.enrol(CaseApproved.of(c, benefit, approver(c)));
        return true;
    }

    /** Who approved: the approving decision the enrolment carried out, else the latest approving decision. */
    private String approver(AssistanceCase c) {
        if (c.approvalDecisionId() != null) {
            var d = records.decisionOf(c, c.approvalDecisionId());
            if (d.isPresent()) {
                return d.get().actor();
            }
        }
        List<CaseDecision> decisions = records.decisionsOf(c);
        for (int i = decisions.size() - 1; i >= 0; i--) {
            CaseDecision d = decisions.get(i);
            if (d.stage() == DecisionStage.DECISION && "approve".equals(d.outcome())) {
                return d.actor();
            }
        }
        return Actors.SYSTEM;
    }
}
