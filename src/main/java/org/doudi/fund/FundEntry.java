package org.doudi.fund;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One movement of a township's reserve fund. Written once, never changed or deleted. */
@Entity
@Table(name = "fund_entry")
public class FundEntry {

    /** What moved the money. */
    public enum Kind {
        /** County allocation or replenishment (+). */
        REPLENISHMENT,
        /** 先行救助 paid to a household (−). */
        GRANT,
        /** A grant undone, the money back in the fund (+). */
        REVERSAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "township_code", nullable = false)
    private String townshipCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    /** Signed: positive into the fund, negative out of it. */
    @Column(nullable = false)
    private BigDecimal amount;

    @Column(name = "balance_after", nullable = false)
    private BigDecimal balanceAfter;

    @Column(name = "case_id")
    private Long caseId;

    @Column(nullable = false)
    private String actor;

    private String note;

    @Column(nullable = false)
    private Instant at;

    protected FundEntry() {
    }

    FundEntry(String townshipCode, Kind kind, BigDecimal amount, BigDecimal balanceAfter, Long caseId, String actor,
            String note, Instant at) {
        this.townshipCode = townshipCode;
        this.kind = kind;
        this.amount = amount;
        this.balanceAfter = balanceAfter;
        this.caseId = caseId;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    public Long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal balanceAfter() {
        return balanceAfter;
    }

    public Long caseId() {
        return caseId;
    }

    public String actor() {
        return actor;
    }

    public String note() {
        return note;
    }

    public Instant at() {
        return at;
    }
}
