package org.doudi.enrolment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.doudi.shared.Money;

/**
 * The monthly amount of an enrolment from a month on, until the next row's month: the exact sum of its lines.
 */
@Entity
@Table(name = "enrolment_amount")
public class EnrolmentAmount {

    /** Why a new amount is in force. */
    public enum Reason {
        /** 纳入保障: the first amount. */
        ENROLMENT,
        /** 调整保障金: after a review, or a new standard. */
        ADJUSTMENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id")
    private Enrolment enrolment;

    /** {@code yyyy-MM}. */
    @Column(name = "from_month", nullable = false)
    private String fromMonth;

    @Column(name = "amount", nullable = false)
    private BigDecimal total;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Reason reason;

    private String note;

    @Column(name = "decided_by", nullable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @OneToMany(mappedBy = "amount", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<EnrolmentAmountLine> lines = new ArrayList<>();

    protected EnrolmentAmount() {
    }

    EnrolmentAmount(Enrolment enrolment, YearMonth fromMonth, List<EnrolmentAmountLine.Line> lines, Reason reason,
            String note, String decidedBy, Instant decidedAt) {
        if (lines.isEmpty() || lines.get(0).kind() != AmountLineKind.BASE
                || lines.stream().filter(l -> l.kind() == AmountLineKind.BASE).count() != 1) {
            throw new IllegalArgumentException("an amount has one BASE line, first");
        }
        this.enrolment = enrolment;
        this.fromMonth = fromMonth.toString();
        this.reason = reason;
        this.note = note;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        BigDecimal sum = Money.ZERO;
        for (EnrolmentAmountLine.Line line : lines) {
            this.lines.add(new EnrolmentAmountLine(this, this.lines.size(), line));
            sum = sum.add(line.amount());
        }
        this.total = sum;
    }

    public YearMonth fromMonth() {
        return YearMonth.parse(fromMonth);
    }

    /** The monthly amount: the sum of the lines, exact to the fen. */
    public BigDecimal amount() {
        return total;
    }

    public Reason reason() {
        return reason;
    }

    public String note() {
        return note;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public List<EnrolmentAmountLine> lines() {
        return Collections.unmodifiableList(lines);
    }
}
