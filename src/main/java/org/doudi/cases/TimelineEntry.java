package org.doudi.cases;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of a case as it happened: when, what, who, with what outcome. Never changed afterwards. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TimelineStep step;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String outcome;

    private String detail;

    protected TimelineEntry() {
    }

    TimelineEntry(Long caseId, Instant at, TimelineStep step, String actor, String outcome, String detail) {
        this.caseId = caseId;
        this.at = at;
        this.step = step;
        this.actor = actor;
        this.outcome = outcome;
        this.detail = detail == null ? null : abbreviate(detail, 2000);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public TimelineStep step() {
        return step;
    }

    public String actor() {
        return actor;
    }

    public String outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }
}
