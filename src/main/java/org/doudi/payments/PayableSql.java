package org.doudi.payments;

import java.time.YearMonth;

import org.doudi.region.AmountRule;

/**
 * The one query of what a county pays in a month (docs/payment-rolls.md): every enrolment payable that month, with
 * the amount of its line, as a SELECT that the rolls insert from ({@code INSERT … SELECT}) — on H2 and MySQL alike.
 * Named parameters {@code :county} and {@code :month} ({@code yyyy-MM}); the month's length and the county's
 * rounding rule are written into the text (numbers this class makes, never input).
 * <p>
 * Payable in month M, from the month columns of the enrolment (so that a past month gives the same answer later,
 * whatever the enrolment's status is now): it started ({@code since_month ≤ M}), it has not ended before M
 * ({@code last_paid_month} null or ≥ M), no suspension period ({@code enrolment_period}, kind {@code SUSPENSION})
 * covers M, and the amount row in force in M (the latest {@code from_month ≤ M}) is above zero.
 * <p>
 * The amount: the monthly amount as decided ({@link LineKind#FULL}); in a 渐退期 (a {@code PHASE_OUT} period covering M)
 * times its {@code share}; in a first month that does not start on the 1st, times the days covered (from
 * {@code since_date} to the month's end) over the month's days. Such a product is rounded once, by the county's
 * rule in force in M (unit and mode of {@link AmountRule}; its minimum belongs to the monthly amount, decided with
 * it, and is not applied to a share or a part of a month), and a positive product never rounds to nothing (one
 * unit at least, as {@link AmountRule#apply} does). The rounding is exact integer arithmetic in fen: with
 * {@code x = amount·100 · share·10 000 · days} (a whole number) and {@code D = 10 000 · days of the month · unit in
 * fen}, the line is {@code ⌊x / D⌋} (舍去), {@code ⌊(x + D − 1) / D⌋} (进位) or {@code ⌊(2x + D) / 2D⌋} (四舍五入)
 * units, each floor written as {@code (a − mod(a, b)) / b}, so that no database rounds a quotient on its way.
 */
final class PayableSql {

    private PayableSql() {
    }

    /**
     * The payable lines of a county in a month: columns {@code enrolment_id, enrolment_number, programme,
     * township_code, village_code, payee_name, id_number_masked, household_size, covered_people, monthly_amount,
     * bank_account_ref, kind, amount}.
     */
    static String payable(YearMonth month, AmountRule rule) {
        int days = month.lengthOfMonth();
        long unitFen = switch (rule.unit()) {
            case FEN -> 1;
            case JIAO -> 10;
            case YUAN -> 100;
        };
        long d = 10_000L * days * unitFen;
        String units = switch (rule.mode()) {
            case DOWN -> floorDiv("q.x", d);
            case UP -> floorDiv("(q.x + " + (d - 1) + ")", d);
            case HALF_UP -> floorDiv("(2 * q.x + " + d + ")", 2 * d);
        };
        return """
                select q.enrolment_id, q.enrolment_number, q.programme, q.township_code, q.village_code, q.payee_name,
                       q.id_number_masked, q.household_size, q.covered_people, q.monthly_amount, q.bank_account_ref,
                       case when q.days < %1$d then 'PRORATED' when q.phase_out = 1 then 'PHASE_OUT' else 'FULL' end as kind,
                       case when q.days = %1$d and q.share = 1 then q.monthly_amount
                            else cast(case when %3$s < 1 then 1 else %3$s end * %4$d / 100 as decimal(12,2)) end as amount
                from (
                    select p.*, p.monthly_amount * 100 * p.share * 10000 * p.days as x
                    from (
                        select e.id as enrolment_id, e.enrolment_number, e.programme, e.township_code, e.village_code,
                               e.payee_name, %5$s as id_number_masked, e.household_size, e.covered_people,
                               a.amount as monthly_amount, e.bank_account_ref,
                               case when e.since_month = :month and extract(day from e.since_date) > 1
                                    then %2$d - extract(day from e.since_date) else %1$d end as days,
                               case when po.id is not null then 1 else 0 end as phase_out,
                               coalesce(po.share, 1) as share
                        from enrolment e
                        join enrolment_amount a on a.enrolment_id = e.id
                         and a.from_month = (select max(m.from_month) from enrolment_amount m
                                             where m.enrolment_id = e.id and m.from_month <= :month)
                        left join enrolment_period po on po.enrolment_id = e.id and po.kind = 'PHASE_OUT'
                         and po.from_month <= :month and (po.until_month is null or po.until_month >= :month)
                        where e.county_code = :county
                          and e.since_month <= :month
                          and (e.last_paid_month is null or e.last_paid_month >= :month)
                          and not exists (select 1 from enrolment_period su where su.enrolment_id = e.id
                                          and su.kind = 'SUSPENSION' and su.from_month <= :month
                                          and (su.until_month is null or su.until_month >= :month))
                          and e.enrolment_number is not null
                          and a.amount > 0
                    ) p
                ) q
                """.formatted(days, days + 1, units, unitFen, masked("e.payee_id_number"));
    }

    /**
     * ⌊a / b⌋ for a ≥ 0 and b > 0 whole numbers, exact on every database; b is written as a decimal ({@code 310000.0}),
     * so that no database takes the remainder in the integer type of a literal (a can exceed 2³¹).
     */
    private static String floorDiv(String a, long b) {
        return "((" + a + " - mod(" + a + ", " + b + ".0)) / " + b + ".0)";
    }

    /**
     * A resident ID number masked as {@code org.doudi.shared.PersonalData#maskIdNumber} masks it: the first six and
     * the last four characters, a star for each one between; {@code ****} for anything shorter than ten.
     */
    static String masked(String column) {
        return "case when char_length(" + column + ") < 10 then '****' else concat(substring(" + column + ", 1, 6), "
                + "repeat('*', char_length(" + column + ") - 10), substring(" + column + ", char_length(" + column
                + ") - 3, 4)) end";
    }
}
