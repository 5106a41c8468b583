package org.doudi.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An objection (异议) raised during the public notice, and how it was resolved. */
@Entity
@Table(name = "objection")
public class Objection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(nullable = false)
    private String text;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "received_by", nullable = false)
    private String receivedBy;

    private Boolean upheld;

    private String findings;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    protected Objection() {
    }

    Objection(Long caseId, String text, Instant receivedAt, String receivedBy) {
        this.caseId = caseId;
        this.text = text;
        this.receivedAt = receivedAt;
        this.receivedBy = receivedBy;
    }

    void resolve(boolean upheld, String findings, String actor, Instant at) {
        if (resolvedAt != null) {
            throw new IllegalStateException("objection " + id + " is already resolved");
        }
        this.upheld = upheld;
        this.findings = findings;
        this.resolvedBy = actor;
        this.resolvedAt = at;
    }

    public String text() {
        return text;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String receivedBy() {
        return receivedBy;
    }

    public Boolean upheld() {
        return upheld;
    }

    public String findings() {
        return findings;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }
}
