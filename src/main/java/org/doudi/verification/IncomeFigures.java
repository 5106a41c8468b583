package org.doudi.verification;

import java.math.BigDecimal;

/**
 * A household's monthly income by kind (元, as found on the home visit).
 *
 * @param wage wages and salaries (工资性收入), before the employment-cost deduction
 * @param employmentCost necessary costs of working (就业成本), deducted from wages
 * @param business net income from a business or farming (经营净收入)
 * @param property property income: rent, interest, dividends (财产净收入)
 * @param transfer net transfers: support from relatives, pensions, compensation (转移净收入)
 * @param excluded income that is not counted (优抚金, 计生奖励, 奖学金, 见义勇为奖励, 社会救助金 …)
 * @param rigidExpense rigid expenses of disability or serious illness (刚性支出), deducted
 */
public record IncomeFigures(BigDecimal wage, BigDecimal employmentCost, BigDecimal business, BigDecimal property,
        BigDecimal transfer, BigDecimal excluded, BigDecimal rigidExpense) {
}
