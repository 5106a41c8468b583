package org.doudi.calendar;

import java.time.Instant;

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

    @Column(name = "cal_year", nullable = false)
    private int year;

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

    CalendarYear(int year, int version, String content, String source, String loadedBy, Instant loadedAt) {
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
