package org.doudi.safeguards;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.doudi.cases.StaffRelation;

/**
 * Why a case is registered separately (近亲属备案): which person of the household is a near relative of
 * which member of staff, and whether the application declared it or the county's roster showed it.
 */
@Entity
@Table(name = "near_relative_mark")
public class NearRelativeMark {

    /** Where the relation became known. */
    public enum Source { DECLARED, ROSTER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "member_name", nullable = false)
    private String memberName;

    @Column(name = "member_id_number", nullable = false)
    private String memberIdNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StaffRelation relation;

    @Column(name = "staff_name", nullable = false)
    private String staffName;

    @Column(name = "staff_post")
    private String staffPost;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source;

    @Column(name = "marked_at", nullable = false)
    private Instant markedAt;

    @Column(name = "marked_by", nullable = false)
    private String markedBy;

    protected NearRelativeMark() {
    }

    NearRelativeMark(Long caseId, String memberName, String memberIdNumber, StaffRelation relation, String staffName,
            String staffPost, Source source, Instant markedAt, String markedBy) {
        this.caseId = caseId;
        this.memberName = memberName;
        this.memberIdNumber = memberIdNumber;
        this.relation = relation;
        this.staffName = staffName;
        this.staffPost = staffPost;
        this.source = source;
        this.markedAt = markedAt;
        this.markedBy = markedBy;
    }

    public Long caseId() {
        return caseId;
    }

    public String memberName() {
        return memberName;
    }

    public String memberIdNumber() {
        return memberIdNumber;
    }

    public StaffRelation relation() {
        return relation;
    }

    public String staffName() {
        return staffName;
    }

    public String staffPost() {
        return staffPost;
    }

    public Source source() {
        return source;
    }

    public Instant markedAt() {
        return markedAt;
    }

    public String markedBy() {
        return markedBy;
    }

    /** The same person, staff member and relation. */
    boolean sameAs(String idNumber, String staff, StaffRelation r) {
        return memberIdNumber.equals(idNumber) && staffName.equals(staff) && relation == r;
    }
}
