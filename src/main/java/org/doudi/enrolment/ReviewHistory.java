package org.doudi.enrolment;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The reviews (复核) of an enrolment, for its details ({@code GET /api/enrolments/{n}}): answered by the module that
 * carries reviews, which depends on this one (never the other way round).
 */
public interface ReviewHistory {

    /** A review: its case, what started it, the outcome ({@code null} while it runs) and when it was decided. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Entry(String caseNumber, String trigger, String outcome, Instant startedAt, Instant decidedAt) {
    }

    /** The enrolment's reviews, the oldest first. */
    List<Entry> reviewsOf(long enrolmentId);
}
