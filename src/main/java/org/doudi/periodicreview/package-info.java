/**
 * Periodic review (复核) of enrolments: the review as a case of its own ({@code FH-…}) carried by
 * {@code PeriodicReview.bpmn} (data verification and home visit through {@code IncomeVerification}, the township's
 * opinion, the decision and its written notice), what each outcome does to the enrolment, the daily
 * {@code ReviewScheduler.bpmn} that starts due reviews and ends gradual exits that ran out, reported changes, and
 * campaigns (回头看, {@code ReviewCampaign.bpmn}). {@code process/}: the models' listeners and delegates;
 * {@code web/}: the API.
 */
@ApplicationModule(displayName = "Periodic review (复核)",
        allowedDependencies = { "cases", "cases :: process", "enrolment", "household", "payments", "region", "security",
                "verification" })
package org.doudi.periodicreview;

import org.springframework.modulith.ApplicationModule;
