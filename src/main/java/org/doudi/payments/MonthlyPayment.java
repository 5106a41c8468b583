package org.doudi.payments;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * What an enrolment was paid for one month by confirmed payment rolls.
 *
 * @param month the month paid for
 * @param amount 元, two decimals: the month's roll plus its confirmed supplementary rolls
 */
public record MonthlyPayment(YearMonth month, BigDecimal amount) {
}
