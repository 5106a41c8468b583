package org.doudi.fund;

import java.math.BigDecimal;

import org.doudi.shared.Money;

/** A grant larger than what the township's reserve fund holds. Nothing was paid. */
public class InsufficientFundsException extends RuntimeException {

    private final BigDecimal balance;

    public InsufficientFundsException(String townshipCode, BigDecimal balance, BigDecimal requested) {
        super("备用金余额不足 (insufficient reserve fund): township " + townshipCode + " holds "
                + Money.format(balance) + ", the grant needs " + Money.format(requested)
                + "; the county can replenish the fund or decide the case");
        this.balance = balance;
    }

    public BigDecimal balance() {
        return balance;
    }
}
