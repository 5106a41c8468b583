package org.doudi.temporary;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.doudi.cases.ApplicationForm;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseDecision;
import org.doudi.cases.CaseIntake;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.DecisionStage;
import org.doudi.cases.DuplicateCaseException;
import org.doudi.cases.IntakeRefusedException;
import org.doudi.cases.Programme;
import org.doudi.cases.StepRefusedException;
import org.doudi.cases.TimelineStep;
import org.doudi.fund.FundEntry;
import org.doudi.fund.ReserveFunds;
import org.doudi.household.HouseholdMember;
import org.doudi.region.RegionService;
import org.doudi.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Temporary assistance (临时救助): the township's emergency grant from its reserve fund, the county's
 * decision, the paperwork afterwards and the follow-up into 低保.
 */
@Service
@Transactional
public class TemporaryGrants {

    private static final Logger log = LoggerFactory.getLogger(TemporaryGrants.class);

    /** What the township's grant decision led to. */
    public enum GrantOutcome { PAID_FROM_RESERVE, FORWARDED_TO_COUNTY }

    private final CaseRepository cases;
    private final AssistanceGrantRepository grants;
    private final ReserveFunds funds;
    private final RegionService regions;
    private final YearlyGrantLimit yearlyLimit;
    private final CaseRecords records;
    private final CaseIntake intake;
    private final Clock clock;

    TemporaryGrants(CaseRepository cases, AssistanceGrantRepository grants, ReserveFunds funds, RegionService regions,
            YearlyGrantLimit yearlyLimit, CaseRecords records, CaseIntake intake, Clock clock) {
        this.cases = cases;
        this.grants = grants;
        this.funds = funds;
        this.regions = regions;
        this.yearlyLimit = yearlyLimit;
        this.records = records;
        this.intake = intake;
        this.clock = clock;
    }

    /** The most the case's township may grant on its own. */
    @Transactional(readOnly = true)
    public BigDecimal townshipCap(String caseNumber) {
        return regions.policyOf(load(caseNumber).countyCode()).townshipCap();
    }

    /**
     * 先行救助: within the township's cap the grant is paid from the reserve fund at once (or refused
     * when the fund does not cover it); above the cap, or when the township asks, the case goes to the
     * county.
     */
    public GrantOutcome townshipGrant(String caseNumber, BigDecimal amount, boolean submitToCounty, String actor) {
        AssistanceCase c = lock(caseNumber);
        BigDecimal cap = regions.policyOf(c.countyCode()).townshipCap();
        if (amount.compareTo(cap) > 0 || submitToCounty) {
            c.forwardToCounty();
            // The proposed amount goes with the decision: the county's form shows it from there.
            records.decision(c, DecisionStage.TOWNSHIP_REVIEW, TimelineStep.TOWNSHIP_REVIEW, actor,
                    submitToCounty ? "submitted_to_county" : "over_cap", "拟救助 " + Money.format(amount)
                            + (submitToCounty ? "，报县级审核确认" : "，超出乡镇审批额度 " + Money.format(cap) + "，报县级审核确认"),
                    amount);
            return GrantOutcome.FORWARDED_TO_COUNTY;
        }
        yearlyLimit.check(c);
        FundEntry entry = funds.grant(c, amount, actor);
        CaseDecision granted = records.decision(c, DecisionStage.DECISION, TimelineStep.GRANT, actor, "granted",
                "先行救助 " + Money.format(amount) + "，备用金余额 " + Money.format(entry.balanceAfter()), amount);
        pay(c, amount, AssistanceGrant.Source.RESERVE_FUND, actor, granted);
        return GrantOutcome.PAID_FROM_RESERVE;
    }

    /** Refuses when the applicant's household reached the yearly limit for this cause. */
    @Transactional(readOnly = true)
    public void checkYearlyLimit(String caseNumber) {
        yearlyLimit.check(load(caseNumber));
    }

    /**
     * The county's grant, paid from county funds: the amount of the county's recorded approval, once
     * per approval, and only while the case awaits it. Whoever reached the step, the approving reviewer
     * is its actor. Refused otherwise, with the reason ({@link StepRefusedException}); nothing is paid.
     */
    public AssistanceGrant countyGrant(String caseNumber) {
        AssistanceCase c = lock(caseNumber);
        String n = c.caseNumber();
        if (grants.findByCaseId(c.id()).isPresent()) {
            throw refusedGrant(n, "已发放过，每个批准只发放一次", "it was already paid; one grant per approval");
        }
        if (c.programme() != Programme.TEMPORARY || c.status() != CaseStatus.COUNTY_DECISION) {
            throw refusedGrant(n, "当前为“" + c.status().label() + "”，不在待县级审核确认发放状态",
                    "it is " + c.status() + ", not awaiting a county grant");
        }
        CaseDecision approval = records.decisionOf(c, c.approvalDecisionId())
                .filter(d -> d.stage() == DecisionStage.DECISION && "approve".equals(d.outcome()) && d.amount() != null)
                .orElseThrow(() -> refusedGrant(n, "没有县级审核确认批准的金额记录", "no county approval of an amount is recorded"));
        try {
            yearlyLimit.check(c);
        } catch (IntakeRefusedException e) {
            throw refusedGrant(n, e.getMessage(), "the yearly limit per household and cause is reached");
        }
        pay(c, approval.amount(), AssistanceGrant.Source.COUNTY, approval.actor(), approval);
        records.step(c, TimelineStep.GRANT, approval.actor(), "granted", "县级批准发放 " + Money.format(approval.amount()));
        log.info("case {}: county grant of {} paid", n, approval.amount());
        return grants.findByCaseId(c.id()).orElseThrow();
    }

    private static StepRefusedException refusedGrant(String caseNumber, String chinese, String english) {
        return new StepRefusedException(caseNumber, "案件 " + caseNumber + " 不能由县级发放：" + chinese,
                "no county grant for case " + caseNumber + ": " + english);
    }

    /** 补办手续: complete, which closes the case as granted, or still incomplete. */
    public void paperwork(String caseNumber, boolean complete, String notes, String actor) {
        AssistanceCase c = lock(caseNumber);
        if (complete) {
            c.paperworkCompleted(clock.instant());
        }
        records.step(c, TimelineStep.PAPERWORK, actor, complete ? "complete" : "incomplete", notes);
    }

    /** 跟进回访: the township's finding some time after the grant. */
    public void followUp(String caseNumber, boolean stillInDifficulty, String notes, String actor) {
        AssistanceCase c = lock(caseNumber);
        records.step(c, TimelineStep.FOLLOW_UP, actor, stillInDifficulty ? "still_in_difficulty" : "recovered", notes);
    }

    /**
     * Moves a family still in difficulty into the 低保 procedure: a 低保 application for the same household,
     * linked both ways. A person who already has an open 低保 case is linked to it instead.
     */
    public String startDibao(String caseNumber, String actor) {
        AssistanceCase temporary = cases.requireWithHousehold(caseNumber);
        List<HouseholdMember> people = temporary.household().members();
        HouseholdMember applicant = people.get(0);
        List<ApplicationForm.Member> members = people.stream().skip(1)
                .map(m -> new ApplicationForm.Member(m.name(), m.idNumber(), m.relation().name(), m.disabilityGrade(),
                        m.disabilityCategory() == null ? null : m.disabilityCategory().name(), m.seriousIllness(),
                        null))
                .toList();
        ApplicationForm form = new ApplicationForm(Programme.DIBAO.name(), null, temporary.villageCode(),
                new ApplicationForm.Applicant(applicant.name(), applicant.idNumber(), temporary.applicantPhone()),
                members, "临时救助后生活仍然困难，转入低保（临时救助案件 " + caseNumber + "）", null);
        String dibao;
        try {
            dibao = intake.submit(form).caseNumber();
        } catch (DuplicateCaseException e) {
            dibao = Optional.ofNullable(e.existingCaseNumber()).orElse(null);
            if (dibao == null) {
                records.step(temporary, TimelineStep.FOLLOW_UP, actor, "dibao_open_elsewhere",
                        "家庭成员已有在办低保案件");
                return null;
            }
        }
        AssistanceCase linked = lock(dibao);
        lock(caseNumber).linkTo(dibao);
        records.step(temporary, TimelineStep.LINKED_CASE, actor, "dibao_started", "转入低保案件 " + dibao);
        records.step(linked, TimelineStep.LINKED_CASE, actor, "from_temporary", "由临时救助案件 " + caseNumber + " 转入");
        log.info("case {} followed up into 低保 case {}", caseNumber, dibao);
        return dibao;
    }

    @Transactional(readOnly = true)
    public Optional<AssistanceGrant> grantOf(AssistanceCase c) {
        return grants.findByCaseId(c.id());
    }

    private void pay(AssistanceCase c, BigDecimal amount, AssistanceGrant.Source source, String actor,
            CaseDecision decision) {
        Instant now = clock.instant();
        grants.save(new AssistanceGrant(c.id(), amount, source, actor, now, decision.id()));
        c.granted(now);
    }

    private AssistanceCase lock(String caseNumber) {
        return cases.requireLocked(caseNumber);
    }

    private AssistanceCase load(String caseNumber) {
        return cases.require(caseNumber);
    }
}
