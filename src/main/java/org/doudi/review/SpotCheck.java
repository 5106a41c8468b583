package org.doudi.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A case drawn for the county's spot check (抽查), and what the check found. */
@Entity
@Table(name = "spot_check")
class SpotCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(nullable = false)
    private String scope;

    private String result;

    private String notes;

    @Column(name = "checked_by")
    private String checkedBy;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Column(name = "selected_at", nullable = false)
    private Instant selectedAt;

    protected SpotCheck() {
    }

    SpotCheck(Long caseId, String scope, Instant selectedAt) {
        this.caseId = caseId;
        this.scope = scope;
        this.selectedAt = selectedAt;
    }

    void record(String result, String notes, String actor, Instant at) {
        if (checkedAt != null) {
            throw new IllegalStateException("spot check " + id + " is already recorded");
        }
        this.result = result;
        this.notes = notes;
        this.checkedBy = actor;
        this.checkedAt = at;
    }

    public String scope() {
        return scope;
    }

    public String result() {
        return result;
    }

    public String notes() {
        return notes;
    }

    public String checkedBy() {
        return checkedBy;
    }

    public Instant checkedAt() {
        return checkedAt;
    }
}
