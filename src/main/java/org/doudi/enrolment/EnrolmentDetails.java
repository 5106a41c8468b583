package org.doudi.enrolment;

import java.util.Map;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseDetailsContributor;
import org.springframework.stereotype.Component;

/** Adds to the case view ({@code GET /api/cases/{n}}) the number of the enrolment the case started, once it exists. */
@Component
class EnrolmentDetails implements CaseDetailsContributor {

    private final EnrolmentRepository enrolments;

    EnrolmentDetails(EnrolmentRepository enrolments) {
        this.enrolments = enrolments;
    }

    @Override
    public void contribute(AssistanceCase c, Map<String, Object> details) {
        enrolments.findNumberByCaseId(c.id()).ifPresent(n -> details.put("enrolmentNumber", n));
    }
}
