package org.doudi.payments;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * What an enrolment (保障对象) was paid, read from the confirmed payment rolls of its county (the month's roll and
 * its confirmed supplementary rolls). Drafts are not payments.
 */
public interface Payments {

    /** The enrolment's payments by month, the oldest first: per month the sum of its confirmed lines. */
    List<MonthlyPayment> paymentsOf(long enrolmentId);

    /**
     * The sum of what the enrolment was paid for the month {@code from} and every later month, to the fen (e.g.
     * what was overpaid since an unreported change, to recover). Zero when nothing was paid.
     */
    BigDecimal paidFrom(long enrolmentId, YearMonth from);
}
