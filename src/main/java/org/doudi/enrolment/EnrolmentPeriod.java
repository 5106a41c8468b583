package org.doudi.enrolment;

import java.math.BigDecimal;
import java.time.YearMonth;

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

/**
 * A stretch of months in which an enrolment is paid otherwise than its amount says: a gradual exit (渐退期, at a
 * share) or a suspension (暂停发放, not at all), from {@code fromMonth} to {@code untilMonth} inclusive ({@code null}:
 * still open). The payment rolls read them month by month, so a past month is paid as it was decided whatever
 * happened since. Periods of one kind never overlap: the enrolment closes the open one first.
 */
@Entity
@Table(name = "enrolment_period")
class EnrolmentPeriod {

    enum Kind {
        PHASE_OUT, SUSPENSION
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id")
    private Enrolment enrolment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "from_month", nullable = false)
    private String fromMonth;

    @Column(name = "until_month")
    private String untilMonth;

    private BigDecimal share;

    protected EnrolmentPeriod() {
    }

    EnrolmentPeriod(Enrolment enrolment, Kind kind, YearMonth from, YearMonth until, BigDecimal share) {
        this.enrolment = enrolment;
        this.kind = kind;
        this.fromMonth = from.toString();
        this.untilMonth = until == null ? null : until.toString();
        this.share = share;
    }

    Kind kind() {
        return kind;
    }

    YearMonth fromMonth() {
        return YearMonth.parse(fromMonth);
    }

    YearMonth untilMonth() {
        return untilMonth == null ? null : YearMonth.parse(untilMonth);
    }

    BigDecimal share() {
        return share;
    }

    /** Whether the period still covers {@code month} or a later one. */
    boolean reaches(YearMonth month) {
        return untilMonth == null || !untilMonth().isBefore(month);
    }

    /**
     * Closes the period after {@code lastMonth}; a period that had not started by then is dropped (returns
     * {@code false}: the caller removes it).
     */
    boolean closeAfter(YearMonth lastMonth) {
        if (lastMonth.isBefore(fromMonth())) {
            return false;
        }
        if (reaches(lastMonth.plusMonths(1))) {
            this.untilMonth = lastMonth.toString();
        }
        return true;
    }
}
