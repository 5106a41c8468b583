package org.doudi.enrolment;

import org.doudi.cases.CaseApproved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * An approved case becomes an enrolment, after the approval committed, in a transaction of its own. The
 * event publication registry keeps the event until this completes: a failure (the database refused it, a
 * county without a policy) leaves it incomplete, and it is delivered again (at the next start, and by
 * {@code EventUpkeep} while the application runs). Failures are counted ({@value #FAILED}, on
 * {@code /actuator/prometheus}) so that an operator sees approvals waiting for their enrolment.
 */
@Component
class CaseApprovedListener {

    /** Stable across renames: the registry finds the incomplete publications of this listener by it. */
    static final String ID = "enrolment.case-approved";

    /** Deliveries of an approval that did not end in an enrolment (each retry counts again). */
    static final String FAILED = "doudi.enrolment.failed";

    private static final Logger log = LoggerFactory.getLogger(CaseApprovedListener.class);

    private final Enrolments enrolments;
    private final Counter failed;

    CaseApprovedListener(Enrolments enrolments, MeterRegistry meters) {
        this.enrolments = enrolments;
        this.failed = Counter.builder(FAILED).description("approved cases whose enrolment failed, to be retried")
                .register(meters);
    }

    @ApplicationModuleListener(id = ID)
    void on(CaseApproved approved) {
        try {
            enrolments.enrol(approved);
        } catch (RuntimeException e) {
            failed.increment();
            log.warn("case {}: enrolment failed, the approval is delivered again later: {}", approved.caseNumber(),
                    e.getMessage());
            throw e;
        }
    }
}
