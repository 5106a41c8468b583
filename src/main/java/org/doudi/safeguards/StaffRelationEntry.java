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
 * One line of a county's staff-relation roster (近亲属备案名册): a township caseworker or village
 * official, where he works, and a near relative of his by resident ID.
 */
@Entity
@Table(name = "staff_relation_roster")
public class StaffRelationEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "county_code", nullable = false)
    private String countyCode;

    @Column(name = "staff_name", nullable = false)
    private String staffName;

    @Column(name = "staff_post", nullable = false)
    private String staffPost;

    /** The township (9 digits) or village (12 digits) where the staff member works. */
    @Column(name = "region_code", nullable = false)
    private String regionCode;

    @Column(name = "relative_id_number", nullable = false)
    private String relativeIdNumber;

    @Column(name = "relative_name", nullable = false)
    private String relativeName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StaffRelation relation;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    protected StaffRelationEntry() {
    }

    StaffRelationEntry(String countyCode, String staffName, String staffPost, String regionCode,
            String relativeIdNumber, String relativeName, StaffRelation relation, Instant uploadedAt,
            String uploadedBy) {
        this.countyCode = countyCode;
        this.staffName = staffName;
        this.staffPost = staffPost;
        this.regionCode = regionCode;
        this.relativeIdNumber = relativeIdNumber;
        this.relativeName = relativeName;
        this.relation = relation;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    public String countyCode() {
        return countyCode;
    }

    public String staffName() {
        return staffName;
    }

    public String staffPost() {
        return staffPost;
    }

    public String regionCode() {
        return regionCode;
    }

    public String relativeIdNumber() {
        return relativeIdNumber;
    }

    public String relativeName() {
        return relativeName;
    }

    public StaffRelation relation() {
        return relation;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public String uploadedBy() {
        return uploadedBy;
    }
}
