package org.doudi.enrolment;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One line of a monthly amount: the BASE or one member's 分类施保 allowance of one kind. */
@Entity
@Table(name = "enrolment_amount_line")
public class EnrolmentAmountLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "amount_id")
    private EnrolmentAmount amount;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AmountLineKind kind;

    /** The member the line is for, or {@code null} (BASE). */
    @Column(name = "member_position")
    private Integer memberPosition;

    @Column(name = "amount", nullable = false)
    private BigDecimal value;

    protected EnrolmentAmountLine() {
    }

    EnrolmentAmountLine(EnrolmentAmount amount, int position, Line line) {
        this.amount = amount;
        this.position = position;
        this.kind = line.kind();
        this.memberPosition = line.memberPosition();
        this.value = line.amount();
    }

    public int position() {
        return position;
    }

    public AmountLineKind kind() {
        return kind;
    }

    public Integer memberPosition() {
        return memberPosition;
    }

    public BigDecimal amount() {
        return value;
    }

    /** A line as computed, before it is stored. */
    public record Line(AmountLineKind kind, Integer memberPosition, BigDecimal amount) {

        public Line {
            if (kind == null || amount == null || amount.signum() < 0 || amount.scale() != 2) {
                throw new IllegalArgumentException("a line is a kind and an amount in 元 to the fen, not negative");
            }
            if ((kind == AmountLineKind.BASE) != (memberPosition == null)) {
                throw new IllegalArgumentException("an allowance line, and only it, is a member's");
            }
        }
    }
}
