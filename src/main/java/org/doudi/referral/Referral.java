package org.doudi.referral;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.doudi.cases.AssistanceCase;

/** A person referred to the county poverty office (转介扶贫部门), and the office's answer. */
@Entity
@Table(name = "referral")
public class Referral {

    /** Why the referral was made. */
    public enum Trigger {
        /** Refused for income or assets, but under the poverty-office line. */
        REJECTED_UNDER_POVERTY_LINE,
        /** Refused for income or assets, and in the poverty register (建档立卡 / 防返贫监测). */
        REJECTED_IN_POVERTY_REGISTRY,
        /** The township reviewer asked for it. */
        TOWNSHIP_REVIEW,
        /** From a temporary-assistance case (its follow-up). */
        TEMPORARY_FOLLOW_UP,
        /** A field check (摸排核查) found a person civil-affairs assistance does not cover: no case behind it. */
        FIELD_CHECK
    }

    public enum Status { OPEN, ANSWERED }

    /** The poverty office's answer. */
    public enum Outcome { ASSISTED, DECLINED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The referred case; null for a person referred from a field check. */
    @Column(name = "case_id")
    private Long caseId;

    /** What a referral without a case is about (a field check's number, its process's business key). */
    @Column(name = "subject_number")
    private String subjectNumber;

    @Column(name = "person_name")
    private String personName;

    @Column(name = "id_number")
    private String idNumber;

    @Column(name = "village_code")
    private String villageCode;

    @Column(name = "county_code", nullable = false)
    private String countyCode;

    @Column(name = "township_code", nullable = false)
    private String townshipCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "trig", nullable = false)
    private Trigger trigger;

    @Column(nullable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String measures;

    @Column(name = "referred_by", nullable = false)
    private String referredBy;

    @Column(name = "referred_at", nullable = false)
    private Instant referredAt;

    @Column(name = "answered_by")
    private String answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected Referral() {
    }

    Referral(AssistanceCase c, Trigger trigger, String reason, String referredBy, Instant referredAt) {
        this(c.countyCode(), c.townshipCode(), trigger, reason, referredBy, referredAt);
        this.caseId = c.id();
    }

    /** A person without a case, referred from the work named by {@code subjectNumber} (a field check). */
    Referral(String subjectNumber, String personName, String idNumber, String villageCode, Trigger trigger,
            String reason, String referredBy, Instant referredAt) {
        this(villageCode.substring(0, 6), villageCode.substring(0, 9), trigger, reason, referredBy, referredAt);
        this.subjectNumber = subjectNumber;
        this.personName = personName;
        this.idNumber = idNumber;
        this.villageCode = villageCode;
    }

    private Referral(String countyCode, String townshipCode, Trigger trigger, String reason, String referredBy,
            Instant referredAt) {
        this.countyCode = countyCode;
        this.townshipCode = townshipCode;
        this.trigger = trigger;
        this.reason = reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason;
        this.status = Status.OPEN;
        this.referredBy = referredBy;
        this.referredAt = referredAt;
    }

    void linkProcess(String processInstanceId) {
        if (this.processInstanceId != null) {
            throw new IllegalStateException("referral " + id + " already has its instance");
        }
        this.processInstanceId = processInstanceId;
    }

    void answer(Outcome outcome, String measures, String actor, Instant at) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("referral " + id + " is already answered");
        }
        this.status = Status.ANSWERED;
        this.outcome = outcome;
        this.measures = measures;
        this.answeredBy = actor;
        this.answeredAt = at;
    }

    public Long id() {
        return id;
    }

    public Long caseId() {
        return caseId;
    }

    public String subjectNumber() {
        return subjectNumber;
    }

    public String personName() {
        return personName;
    }

    public String idNumber() {
        return idNumber;
    }

    public String villageCode() {
        return villageCode;
    }

    public String countyCode() {
        return countyCode;
    }

    public String townshipCode() {
        return townshipCode;
    }

    public Trigger trigger() {
        return trigger;
    }

    public String reason() {
        return reason;
    }

    public Status status() {
        return status;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String measures() {
        return measures;
    }

    public String referredBy() {
        return referredBy;
    }

    public Instant referredAt() {
        return referredAt;
    }

    public String answeredBy() {
        return answeredBy;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public String processInstanceId() {
        return processInstanceId;
    }
}
