package org.doudi.documents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseQueries;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.ApprovedBenefitRepository;
import org.doudi.household.CareLevel;
import org.doudi.household.HouseholdMember;
import org.doudi.region.Region;
import org.doudi.region.RegionService;
import org.doudi.region.StaffScope;
import org.doudi.shared.PersonalData;
import org.doudi.temporary.AssistanceGrant;
import org.doudi.temporary.TemporaryGrants;
import org.doudi.verification.IncomeAssessment;
import org.doudi.verification.Investigations;
import org.doudi.verification.SupportMode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a case's file for a notice, within the reader's scope: a case he may not see is "not found",
 * exactly as {@code GET /api/cases/{caseNumber}} answers.
 */
@Service
@Transactional(readOnly = true)
class CaseFiles {

    private final CaseQueries queries;
    private final CaseRecords records;
    private final ApprovedBenefitRepository enrolments;
    private final Investigations investigations;
    private final TemporaryGrants grants;
    private final RegionService regions;
    private final IdentityService identity;

    CaseFiles(CaseQueries queries, CaseRecords records, ApprovedBenefitRepository enrolments, Investigations investigations,
            TemporaryGrants grants, RegionService regions, IdentityService identity) {
        this.queries = queries;
        this.records = records;
        this.enrolments = enrolments;
        this.investigations = investigations;
        this.grants = grants;
        this.regions = regions;
        this.identity = identity;
    }

    CaseFile read(String caseNumber, StaffScope scope) {
        AssistanceCase c = queries.visible(caseNumber, scope);
        Map<String, String> names = new HashMap<>();
        List<CaseFile.Decision> decisions = records.decisionsOf(c).stream()
                .map(d -> new CaseFile.Decision(d.stage(), d.outcome(), d.opinion(), d.amount(), d.actor(),
                        staffName(d.actor(), names), d.decidedAt()))
                .toList();
        List<CaseFile.Step> timeline = records.timelineOf(c).stream()
                .map(t -> new CaseFile.Step(t.step(), t.outcome(), t.detail(), t.actor(), t.at()))
                .toList();
        CaseFile.Assessment assessment = investigations.latestAssessment(c).map(CaseFiles::assessment).orElse(null);
        CaseFile.Benefit benefit = enrolments.findByCaseId(c.id())
                .map(e -> new CaseFile.Benefit(e.monthlyAmount(), e.benefitStartMonth(), e.persons(),
                        e.careLevel() == null ? null : CareLevel.valueOf(e.careLevel()).label(),
                        e.supportMode() == null ? null : SupportMode.valueOf(e.supportMode()).label(),
                        e.enrolledAt()))
                .orElse(null);
        CaseFile.Grant grant = grants.grantOf(c)
                .map(g -> new CaseFile.Grant(g.amount(), g.source() == AssistanceGrant.Source.RESERVE_FUND,
                        g.grantedBy(), staffName(g.grantedBy(), names), g.grantedAt()))
                .orElse(null);
        List<CaseFile.Member> members = c.household().members().stream().map(CaseFiles::member).toList();
        return new CaseFile(c.caseNumber(), c.programme(), c.kind(), c.cause() == null ? null : c.cause().label(),
                c.status(), c.applicantName(), PersonalData.maskIdNumber(c.applicantIdNumber()), members,
                place(c.villageCode()), place(c.townshipCode()), place(c.countyCode()), c.reason(),
                c.requestedAmount(), c.approvalDelegated(), c.submittedAt(), c.acceptedAt(), c.noticeEndsAt(),
                c.closedAt(), decisions, timeline, assessment, benefit, grant);
    }

    private static CaseFile.Member member(HouseholdMember m) {
        return new CaseFile.Member(m.name(), PersonalData.maskIdNumber(m.idNumber()), m.relation().label());
    }

    private static CaseFile.Assessment assessment(IncomeAssessment a) {
        return new CaseFile.Assessment(a.perCapitaIncome(), a.standard(), a.householdSize(), a.enrolledPersons(),
                a.proposedAmount(), a.outcome().isEligible(), a.outcome().label(),
                a.careLevel() == null ? null : a.careLevel().label(),
                a.supportMode() == null ? null : a.supportMode().label(), a.assessedAt());
    }

    /** A region's name; a code without a registered region keeps its code, so the notice still says where. */
    private CaseFile.Place place(String code) {
        return new CaseFile.Place(code, regions.find(code).map(Region::name).orElse(code));
    }

    /** The staff member's name as the identity service knows it (e.g. 王经办), or {@code null}. */
    private String staffName(String userId, Map<String, String> known) {
        if (userId == null) {
            return null;
        }
        return known.computeIfAbsent(userId, id -> {
            User u = identity.createUserQuery().userId(id).singleResult();
            if (u == null) {
                return null;
            }
            String name = (nullToEmpty(u.getLastName()) + nullToEmpty(u.getFirstName())).strip();
            return name.isEmpty() ? null : name;
        });
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
