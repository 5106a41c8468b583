package org.doudi.fund;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.doudi.shared.Money;

/**
 * A township's reserve fund for temporary assistance (临时救助备用金). Money moves only through its
 * verbs, each returning the ledger entry that records it; the balance never goes below zero.
 */
@Entity
@Table(name = "reserve_fund")
class ReserveFund {

    @Id
    @Column(name = "township_code")
    private String townshipCode;

    @Column(nullable = false)
    private BigDecimal balance;

    @Version
    private long version;

    protected ReserveFund() {
    }

    ReserveFund(String townshipCode) {
        this.townshipCode = townshipCode;
        this.balance = Money.ZERO;
    }

    /** 先行救助: pays a grant out of the fund, or refuses when the balance does not cover it. */
    FundEntry grant(BigDecimal amount, Long caseId, String actor, Instant at) {
        requirePositive(amount);
        if (balance.compareTo(amount) < 0) {
            throw new InsufficientFundsException(townshipCode, balance, amount);
        }
        balance = balance.subtract(amount);
        return new FundEntry(townshipCode, FundEntry.Kind.GRANT, amount.negate(), balance, caseId, actor, null, at);
    }

    /** The county allocates or replenishes. */
    FundEntry replenish(BigDecimal amount, String actor, String note, Instant at) {
        requirePositive(amount);
        balance = balance.add(amount);
        return new FundEntry(townshipCode, FundEntry.Kind.REPLENISHMENT, amount, balance, null, actor, note, at);
    }

    /** A grant undone: its amount comes back. */
    FundEntry reverse(FundEntry grant, String actor, String note, Instant at) {
        if (grant.kind() != FundEntry.Kind.GRANT) {
            throw new IllegalArgumentException("only a grant can be reversed");
        }
        BigDecimal amount = grant.amount().negate();
        balance = balance.add(amount);
        return new FundEntry(townshipCode, FundEntry.Kind.REVERSAL, amount, balance, grant.caseId(), actor, note, at);
    }

    private static void requirePositive(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("an amount must be positive");
        }
        Money.of(amount);
    }

    public String townshipCode() {
        return townshipCode;
    }

    public BigDecimal balance() {
        return balance;
    }
}
