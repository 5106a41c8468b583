/**
 * Monthly payment rolls (发放名册): per county and month, every enrolment payable that month with the amount the
 * bank pays, totals by township, DRAFT until the county confirms it, supplementary rolls (补发名册) for what a
 * confirmed month missed, an XLSX export, and a schedule that drafts each county's roll on its day.
 * <p>
 * The module's API is {@link org.doudi.payments.Payments} (what an enrolment was paid, from confirmed rolls) and
 * {@link org.doudi.payments.MonthlyPayment}; everything else here, the HTTP controller included, is
 * package-private. A roll is a set-based read of the enrolment tables (V18) by SQL, never one entity per line:
 * the module depends on no enrolment code, only on {@code region} (counties, their rounding rule, staff roles),
 * {@code security} (who is acting) and {@code shared}.
 */
@ApplicationModule(displayName = "Payment rolls (发放名册)", allowedDependencies = { "region", "security" })
package org.doudi.payments;

import org.springframework.modulith.ApplicationModule;
