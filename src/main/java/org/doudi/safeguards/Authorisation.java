package org.doudi.safeguards;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An adult member's signed authorisation for data verification (家庭经济状况核对授权书), as recorded at
 * acceptance: who, when, by whom, and the reference of the signed paper where one was given.
 */
@Entity
@Table(name = "verification_authorisation")
class Authorisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    /** The household member (household_member.id). */
    @Column(name = "member_id", nullable = false)
    private Long memberId;

    @Column(name = "member_name", nullable = false)
    private String memberName;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    private String reference;

    protected Authorisation() {
    }

    Authorisation(Long caseId, Long memberId, String memberName, Instant recordedAt, String recordedBy,
            String reference) {
        this.caseId = caseId;
        this.memberId = memberId;
        this.memberName = memberName;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.reference = reference;
    }

    public Long caseId() {
        return caseId;
    }

    public Long memberId() {
        return memberId;
    }

    public String memberName() {
        return memberName;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public String reference() {
        return reference;
    }
}
