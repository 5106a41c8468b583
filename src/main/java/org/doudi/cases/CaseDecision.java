package org.doudi.cases;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A decision taken on a case, with its opinion (意见), the person who took it and when. */
@Entity
@Table(name = "case_decision")
public class CaseDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DecisionStage stage;

    @Column(nullable = false)
    private String outcome;

    private String opinion;

    /** The amount the decision carries (approved grant, proposed grant, confirmed monthly amount), if any. */
    private BigDecimal amount;

    @Column(nullable = false)
    private String actor;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected CaseDecision() {
    }

    CaseDecision(Long caseId, DecisionStage stage, String outcome, String opinion, BigDecimal amount, String actor,
            Instant decidedAt) {
        this.caseId = caseId;
        this.stage = stage;
        this.outcome = outcome;
        this.opinion = opinion;
        this.amount = amount;
        this.actor = actor;
        this.decidedAt = decidedAt;
    }

    public Long id() {
        return id;
    }

    Long caseId() {
        return caseId;
    }

    public DecisionStage stage() {
        return stage;
    }

    public String outcome() {
        return outcome;
    }

    public String opinion() {
        return opinion;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String actor() {
        return actor;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
