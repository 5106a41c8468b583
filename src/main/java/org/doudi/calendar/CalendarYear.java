package org.doudi.calendar;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One loaded version of a year's schedule, kept for the record; the newest version counts. */
@Entity
@Table(name = "calendar_year")
class CalendarYear {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** {@code CN} (national) or a province's two digits. */
    @Column(nullable = false)
    private String region;

    @Column(name = "cal_year", nullable = false)
    private int year;

    /** When the notice was published (or, for a correction over the API without one, the day it was made). */
    private LocalDate published;

    @Column(nullable = false)
    private int revision;

    @Column(nullable = false)
    private int version;

    /** The schedule as JSON. */
    @Column(nullable = false)
    private String content;

    /** Where it came from: the shipped file, a dropped-in file, or the API. */
    @Column(nullable = false)
    private String source;

    @Column(name = "loaded_by", nullable = false)
    private String loadedBy;

    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;

    protected CalendarYear() {
    }

    CalendarYear(String region, int year, int version, LocalDate published, int revision, String content,
            String source, String loadedBy, Instant loadedAt) {
        this.region = region;
        this.published = published;
        this.revision = revision;
        this.year = year;
        this.version = version;
        this.content = content;
        this.source = source;
        this.loadedBy = loadedBy;
        this.loadedAt = loadedAt;
    }

    Long id() {
        return id;
    }

    String region() {
        return region;
    }

    LocalDate published() {
        return published;
    }

    int revision() {
        return revision;
    }

    int year() {
        return year;
    }

    int version() {
        return version;
    }

    String content() {
        return content;
    }

    String source() {
        return source;
    }

    String loadedBy() {
        return loadedBy;
    }

    Instant loadedAt() {
        return loadedAt;
    }
}
