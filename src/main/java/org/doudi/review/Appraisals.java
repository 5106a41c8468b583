package org.doudi.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.doudi.TimeConfig;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStateException;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.Programme;
import org.doudi.cases.TimelineEntry;
import org.doudi.cases.TimelineStep;
import org.doudi.region.RegionService;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.review.DemocraticAppraisal.RecordedWith;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.OutsideScopeException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Democratic appraisals (民主评议) of 低保 and 特困 cases. A township may hold one before its opinion
 * (初审) or when it handles an objection during the notice; a county may require one (its policy's
 * {@code appraisalRequired}): then the township's approving opinion needs an appraisal of the current
 * round, that is one recorded since the township's last opinion on the case (or at all, before its first).
 */
@Service
@Transactional
public class Appraisals {

    /** Where a township may hold an appraisal: its review, and the handling of an objection. */
    static final Set<CaseStatus> OPEN = EnumSet.of(CaseStatus.TOWNSHIP_REVIEW, CaseStatus.OBJECTION_REVIEW);

    private final CaseRepository cases;
    private final DemocraticAppraisalRepository appraisals;
    private final CaseRecords records;
    private final RegionService regions;
    private final Clock clock;

    Appraisals(CaseRepository cases, DemocraticAppraisalRepository appraisals, CaseRecords records,
            RegionService regions, Clock clock) {
        this.cases = cases;
        this.appraisals = appraisals;
        this.records = records;
        this.regions = regions;
        this.clock = clock;
    }

    /** {@code POST /api/cases/{n}/appraisals}: township staff of the case's township, while it may hold one. */
    public DemocraticAppraisal recordRequest(String caseNumber, Object heldOn, Object participants,
            Object participantCount, Object result, Object notes, String actor, StaffScope scope) {
        AssistanceCase c = cases.lockByCaseNumber(caseNumber).filter(found -> scope.canSee(found.villageCode()))
                .orElseThrow(() -> new NotFoundException("no case " + caseNumber));
        if (!scope.hasRoleFor(Set.of(StaffRole.TOWNSHIP_CASEWORKER), c.townshipCode())) {
            throw new OutsideScopeException("民主评议由案件所在乡镇（街道）登记 (only the case's township records an appraisal)");
        }
        List<FieldViolation> problems = new ArrayList<>();
        AppraisalInput input = AppraisalInput.read(heldOn, participants, participantCount, result, notes,
                AppraisalInput.Names.API, earliest(c), TimeConfig.today(clock), problems);
        if (input == null) {
            throw new InvalidInputException(AppraisalInput.labelled(problems));
        }
        String refused = reasonCannotHold(c);
        if (refused != null) {
            throw new CaseStateException(c.caseNumber(), c.status(), refused);
        }
        return record(c, input, RecordedWith.API, actor);
    }

    /**
     * Reads the optional 民主评议 fields of a task form ({@link AppraisalInput.Names#FORM}): {@code null} when
     * none was filled in; otherwise the checked input, or {@code null} with the problems added.
     */
    @Transactional(readOnly = true)
    public AppraisalInput fromForm(String caseNumber, Object heldOn, Object participants, Object participantCount,
            Object result, Object notes, List<FieldViolation> problems) {
        if (!AppraisalInput.anyGiven(heldOn, participants, participantCount, result, notes)) {
            return null;
        }
        AssistanceCase c = cases.require(caseNumber);
        if (c.programme() == Programme.TEMPORARY) {
            problems.add(new FieldViolation(AppraisalInput.Names.FORM.heldOn(), "临时救助不进行民主评议"));
            return null;
        }
        return AppraisalInput.read(heldOn, participants, participantCount, result, notes, AppraisalInput.Names.FORM,
                earliest(c), TimeConfig.today(clock), problems);
    }

    /** Records an appraisal held on the case, and its timeline entry. */
    public DemocraticAppraisal record(String caseNumber, AppraisalInput input, RecordedWith with, String actor) {
        return record(cases.requireLocked(caseNumber), input, with, actor);
    }

    private DemocraticAppraisal record(AssistanceCase c, AppraisalInput input, RecordedWith with, String actor) {
        Instant now = clock.instant();
        DemocraticAppraisal a = appraisals.save(new DemocraticAppraisal(c.id(), input, with, actor, now));
        String count = input.participantCount() == null ? "" : "，" + input.participantCount() + " 人参加";
        records.step(c, TimelineStep.APPRAISAL, actor, DemocraticAppraisal.PASSED.equals(input.result()) ? "passed"
                : "failed", input.heldOn() + " 召开民主评议" + count + "，结果：" + input.result() + "；参加人员："
                        + input.participants() + (input.notes() == null ? "" : "；" + input.notes()));
        return a;
    }

    /**
     * Why the township cannot approve now, or {@code null}: its county requires 民主评议 and none was recorded
     * for this round ({@code givenNow}: the same submission records one).
     */
    @Transactional(readOnly = true)
    public String reasonApprovalNeedsAppraisal(String caseNumber, boolean givenNow) {
        AssistanceCase c = cases.require(caseNumber);
        if (c.programme() == Programme.TEMPORARY || givenNow
                || !regions.policyOf(c.countyCode()).appraisalRequired() || heldThisRound(c)) {
            return null;
        }
        return "本县要求民主评议：同意前须登记本轮民主评议（日期、参加人员、评议结果），可在本表“民主评议”部分填写 "
                + "(the county requires a democratic appraisal before an approving opinion)";
    }

    /**
     * Whether an appraisal was recorded since the township's last opinion (or at all, before its first), in
     * the order of the case's timeline.
     */
    @Transactional(readOnly = true)
    public boolean heldThisRound(AssistanceCase c) {
        boolean held = false;
        for (TimelineEntry e : records.timelineOf(c).stream().sorted(Comparator.comparing(TimelineEntry::id))
                .toList()) {
            if (e.step() == TimelineStep.TOWNSHIP_REVIEW) {
                held = false;
            } else if (e.step() == TimelineStep.APPRAISAL) {
                held = true;
            }
        }
        return held;
    }

    @Transactional(readOnly = true)
    public List<DemocraticAppraisal> of(AssistanceCase c) {
        return appraisals.findByCaseIdOrderByIdAsc(c.id());
    }

    /** Why the case cannot have an appraisal now, or {@code null}. */
    static String reasonCannotHold(AssistanceCase c) {
        if (c.programme() == Programme.TEMPORARY) {
            return "hold a democratic appraisal: temporary assistance has none (临时救助不进行民主评议)";
        }
        if (!OPEN.contains(c.status())) {
            return "hold a democratic appraisal outside the township review or the handling of an objection "
                    + "(只能在乡镇初审或异议处理阶段登记民主评议)";
        }
        return null;
    }

    private static LocalDate earliest(AssistanceCase c) {
        return c.submittedAt().atZone(TimeConfig.LEGAL_ZONE).toLocalDate();
    }
}
