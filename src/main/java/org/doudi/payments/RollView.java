package org.doudi.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A payment roll as {@code GET}/{@code POST /api/payment-rolls/{countyCode}/{yyyy-MM}} answer it (contract.md,
 * "Enrolments"): its totals, by township, and a page of its lines in township and enrolment order. For township
 * staff ({@code scope: TOWNSHIPS}) the totals, townships and lines are those of their townships only.
 *
 * @param sequence 0 for the month's roll, 1, 2 … for its supplementary rolls (补发名册)
 * @param lineCount how many lines there are in all (as many as households), for paging
 * @param supplements the month's supplementary rolls (on the month's roll only)
 */
record RollView(String countyCode, String countyName, String month, int sequence, String status, String statusLabel,
        int households, int people, BigDecimal total, Instant generatedAt, String generatedBy, Instant confirmedAt,
        String confirmedBy, long version, String scope, List<TownshipView> byTownship, List<LineView> lines, int page,
        int size, int lineCount, List<SupplementView> supplements) {

    /** A township's totals: households (lines), covered people, amount. */
    record TownshipView(String townshipCode, String townshipName, int households, int people, BigDecimal total) {
    }

    /**
     * A line: who is paid what. {@code kind}: {@code FULL}, {@code PRORATED} (first month, by days), {@code
     * PHASE_OUT} (渐退期 share); {@code previouslyPaid} on a supplementary line: what the confirmed rolls paid.
     */
    record LineView(String enrolmentNumber, String programme, String townshipCode, String villageCode, String name,
            String idNumberMasked, int householdSize, int coveredPeople, BigDecimal monthlyAmount, BigDecimal amount,
            String kind, String kindLabel, String bankAccountRef, BigDecimal previouslyPaid) {
    }

    /** A supplementary roll of the month, in short. */
    record SupplementView(int sequence, String status, Instant generatedAt, Instant confirmedAt) {
    }
}
