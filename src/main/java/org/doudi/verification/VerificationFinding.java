package org.doudi.verification;

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

/** What data verification found about a member of a case's household, for the home visit to check. */
@Entity
@Table(name = "verification_finding")
class VerificationFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(nullable = false)
    private String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RegistryCategory category;

    @Column(name = "member_name", nullable = false)
    private String memberName;

    @Column(nullable = false)
    private String description;

    private BigDecimal amount;

    @Column(name = "found_at", nullable = false)
    private Instant foundAt;

    protected VerificationFinding() {
    }

    VerificationFinding(Long caseId, String source, VerificationSource.Finding f, Instant foundAt) {
        this.caseId = caseId;
        this.source = source;
        this.category = f.category();
        this.memberName = f.member().name();
        this.description = f.description();
        this.amount = f.amount();
        this.foundAt = foundAt;
    }

    public String source() {
        return source;
    }

    public RegistryCategory category() {
        return category;
    }

    public String memberName() {
        return memberName;
    }

    public String description() {
        return description;
    }

    public BigDecimal amount() {
        return amount;
    }
}
