package org.doudi.temporary;

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

/** What a temporary-assistance case paid, from where, decided by whom. One per case. */
@Entity
@Table(name = "assistance_grant")
public class AssistanceGrant {

    /** Where the money came from. */
    public enum Source {
        /** 乡镇临时救助备用金 (先行救助, within the township's cap). */
        RESERVE_FUND,
        /** 县级临时救助资金 (decided by the county). */
        COUNTY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(nullable = false)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source;

    @Column(name = "granted_by", nullable = false)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    /** The decision it carries out (unique: a decision is paid once). */
    @Column(name = "decision_id")
    private Long decisionId;

    protected AssistanceGrant() {
    }

    AssistanceGrant(Long caseId, BigDecimal amount, Source source, String grantedBy, Instant grantedAt,
            Long decisionId) {
        this.caseId = caseId;
        this.amount = amount;
        this.source = source;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
        this.decisionId = decisionId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public Source source() {
        return source;
    }

    public String grantedBy() {
        return grantedBy;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public Long decisionId() {
        return decisionId;
    }
}
