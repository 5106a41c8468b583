/**
 * The enrolled household (保障对象) after approval: created from {@code CaseApproved}, its members, the key that
 * keeps one enrolment per person and programme, the monthly amount's history with its 分类施保 lines, the status
 * verbs, the enrolment API ({@code web/}), the intake rule and the start-up backfill.
 */
@ApplicationModule(displayName = "Enrolments (保障对象)",
        allowedDependencies = { "cases", "household", "payments", "region", "security" })
package org.doudi.enrolment;

import org.springframework.modulith.ApplicationModule;
