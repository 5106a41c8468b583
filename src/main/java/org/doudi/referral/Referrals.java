package org.doudi.referral;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseEvents;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.Programme;
import org.doudi.cases.TimelineStep;
import org.doudi.household.HouseholdMember;
import org.doudi.referral.process.PovertyOfficeReferralProcess;
import org.doudi.region.RegionLevel;
import org.doudi.region.RegionService;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.security.Actors;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.Money;
import org.doudi.shared.NotFoundException;
import org.doudi.verification.Eligibility;
import org.doudi.verification.IncomeAssessment;
import org.doudi.verification.Investigations;
import org.doudi.verification.RegistryCategory;
import org.doudi.verification.RegistryRecordRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals to the county poverty office (转介): people civil-affairs assistance does not cover. Made
 * when a 低保 or 特困 application is refused for income or assets although the household is under the
 * poverty-office line or in the poverty register, when the township asks for it, or from a
 * temporary-assistance case. One open referral per case at a time.
 */
@Service
@Transactional
public class Referrals {

    private static final Logger log = LoggerFactory.getLogger(Referrals.class);

    /** Who sees referrals: the poverty office, the county's and township's staff, their supervisors. */
    static final Set<StaffRole> READERS = EnumSet.of(StaffRole.POVERTY_OFFICER, StaffRole.COUNTY_REVIEWER,
            StaffRole.TOWNSHIP_CASEWORKER, StaffRole.COUNTY_SUPERVISOR, StaffRole.TOWNSHIP_SUPERVISOR);

    private final ReferralRepository referrals;
    private final CaseRepository cases;
    private final Investigations investigations;
    private final RegistryRecordRepository registry;
    private final RegionService regions;
    private final CaseRecords records;
    private final PovertyOfficeReferralProcess process;
    private final Clock clock;

    Referrals(ReferralRepository referrals, CaseRepository cases, Investigations investigations,
            RegistryRecordRepository registry, RegionService regions, CaseRecords records,
            PovertyOfficeReferralProcess process, Clock clock) {
        this.referrals = referrals;
        this.cases = cases;
        this.investigations = investigations;
        this.registry = registry;
        this.regions = regions;
        this.records = records;
        this.process = process;
        this.clock = clock;
    }

    /** Refers the case's household; an open referral of the case is kept as it is. */
    public Referral refer(String caseNumber, Referral.Trigger trigger, String reason, String actor) {
        AssistanceCase c = cases.requireLocked(caseNumber);
        Optional<Referral> open = referrals.findFirstByCaseIdAndStatus(c.id(), Referral.Status.OPEN);
        if (open.isPresent()) {
            return open.get();
        }
        Referral r = referrals.save(new Referral(c, trigger, reason, actor, clock.instant()));
        process.start(c); // ReferralBinding links the instance to r as it starts
        records.step(c, TimelineStep.REFERRAL, actor, trigger.name(), reason);
        log.info("case {} referred to the poverty office of {} ({})", caseNumber, c.countyCode(), trigger);
        return r;
    }

    /** A person without a case, as the work that refers him (a field check) knows him. */
    public record Person(String subjectNumber, String name, String idNumber, String villageCode) {
    }

    /**
     * Refers a person who has no case (a field check's outcome {@code refer}); the instance's business key is the
     * subject's number. An open referral of the same subject is kept as it is.
     */
    public Referral refer(Person p, String reason, String actor) {
        Optional<Referral> open = referrals.findFirstBySubjectNumberAndStatus(p.subjectNumber(), Referral.Status.OPEN);
        if (open.isPresent()) {
            return open.get();
        }
        Referral r = referrals.save(new Referral(p.subjectNumber(), p.name(), p.idNumber(), p.villageCode(),
                Referral.Trigger.FIELD_CHECK, reason, actor, clock.instant()));
        process.start(p.subjectNumber()); // ReferralBinding links the instance to r as it starts
        log.info("{} referred to the poverty office of {} (no case)", p.subjectNumber(), r.countyCode());
        return r;
    }

    /** The poverty office's answer; the business key is a case number or a referred person's subject number. */
    public void answer(String businessKey, Referral.Outcome outcome, String measures, String actor) {
        AssistanceCase c = cases.lockByCaseNumber(businessKey).orElse(null);
        Referral r = (c != null ? referrals.findFirstByCaseIdAndStatus(c.id(), Referral.Status.OPEN)
                : referrals.findFirstBySubjectNumberAndStatus(businessKey, Referral.Status.OPEN))
                .orElseThrow(() -> new IllegalStateException(businessKey + " has no open referral"));
        r.answer(outcome, measures, actor, clock.instant());
        if (c != null) {
            records.step(c, TimelineStep.REFERRAL_ANSWERED, actor, outcome.name().toLowerCase(), measures);
        }
    }

    /** The county of the referral an instance's business key names: a case's, or a referred person's. */
    @Transactional(readOnly = true)
    public String countyOf(String businessKey) {
        return cases.findByCaseNumber(businessKey).map(AssistanceCase::countyCode)
                .or(() -> referrals.findFirstBySubjectNumberOrderByIdDesc(businessKey).map(Referral::countyCode))
                .orElseThrow(() -> new IllegalStateException("no case or referred person " + businessKey));
    }

    /** The open referral of a person without a case, bound to an instance (its task's form). */
    @Transactional(readOnly = true)
    public Optional<Referral> ofInstance(String processInstanceId) {
        return referrals.findByProcessInstanceId(processInstanceId);
    }

    /** Staff asked for a referral (township review, temporary follow-up). */
    @EventListener
    void on(CaseEvents.ReferralRequested requested) {
        Referral.Trigger trigger = "TOWNSHIP_REVIEW".equals(requested.trigger()) ? Referral.Trigger.TOWNSHIP_REVIEW
                : Referral.Trigger.TEMPORARY_FOLLOW_UP;
        refer(requested.caseNumber(), trigger, requested.reason(), requested.actor());
    }

    /** A 低保 or 特困 application refused for income or assets: refer the poor who qualify elsewhere. */
    @EventListener
    void on(CaseEvents.Rejected rejected) {
        AssistanceCase c = cases.findWithHouseholdByCaseNumber(rejected.caseNumber()).orElse(null);
        if (c == null || c.programme() == Programme.TEMPORARY) {
            return;
        }
        IncomeAssessment a = investigations.latestAssessment(c).orElse(null);
        if (a == null || (a.outcome() != Eligibility.INELIGIBLE_INCOME && a.outcome() != Eligibility.INELIGIBLE_ASSETS)) {
            return;
        }
        List<String> people = c.household().members().stream().map(HouseholdMember::idNumber).toList();
        BigDecimal line = regions.policyOf(c.countyCode()).povertyLine();
        if (registry.existsByIdNumberInAndCategory(people, RegistryCategory.POVERTY_REGISTRY)) {
            refer(c.caseNumber(), Referral.Trigger.REJECTED_IN_POVERTY_REGISTRY,
                    "不符合低保/特困条件（" + a.outcome().label() + "），家庭成员在扶贫（防返贫监测）登记中", Actors.SYSTEM);
        } else if (a.perCapitaIncome().compareTo(line) < 0) {
            refer(c.caseNumber(), Referral.Trigger.REJECTED_UNDER_POVERTY_LINE,
                    "不符合低保/特困条件（" + a.outcome().label() + "），家庭人均收入 "
                            + Money.format(a.perCapitaIncome().setScale(2, RoundingMode.DOWN))
                            + " 低于扶贫转介标准 " + Money.format(line), Actors.SYSTEM);
        }
    }

    /** Referrals of a county or township, as its staff and poverty office see them. */
    @Transactional(readOnly = true)
    public List<Referral> inRegion(String regionCode, StaffScope scope) {
        RegionLevel level = RegionLevel.ofCode(regionCode);
        if (level != RegionLevel.COUNTY && level != RegionLevel.TOWNSHIP) {
            throw InvalidInputException.of("region", "must be a 6-digit county or 9-digit township code");
        }
        if (!scope.hasRoleFor(READERS, regionCode) && !coversAsCounty(scope, regionCode)) {
            throw new NotFoundException("no referrals visible for region " + regionCode);
        }
        return referrals.findInRegion(regionCode);
    }

    /** A poverty office or county supervisor asking for one of his county's townships. */
    private static boolean coversAsCounty(StaffScope scope, String regionCode) {
        return regionCode.length() == 9 && scope.hasRoleFor(READERS, regionCode.substring(0, 6));
    }

    @Transactional(readOnly = true)
    public List<Referral> of(AssistanceCase c) {
        return referrals.findByCaseIdOrderById(c.id());
    }

    /** Whether a poverty officer of the scope has a referral of this case. */
    @Transactional(readOnly = true)
    public boolean referredTo(StaffScope scope, AssistanceCase c) {
        return scope.hasRoleFor(Set.of(StaffRole.POVERTY_OFFICER), c.countyCode())
                && referrals.existsByCaseIdAndCountyCode(c.id(), c.countyCode());
    }
}
