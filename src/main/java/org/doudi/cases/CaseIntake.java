package org.doudi.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doudi.TimeConfig;
import org.doudi.cases.ApplicationValidator.ValidApplication;
import org.doudi.cases.process.CaseProcesses;
import org.doudi.household.Household;
import org.doudi.household.WorkingAge;
import org.doudi.region.CountyPolicy;
import org.doudi.region.RegionService;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.security.Actors;
import org.doudi.shared.ConflictException;
import org.doudi.shared.OutsideScopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes applications in: checks them, registers the household and the case, and starts the process,
 * all in one transaction. The case always comes first and starts its process, which binds itself to
 * the case as it starts (the API, the Tasklist intake form through the REST filter, a follow-up); no
 * resident ID ever becomes a process variable.
 */
@Service
public class CaseIntake {

    private static final Logger log = LoggerFactory.getLogger(CaseIntake.class);

    /** Who may take an application for a village: its clerk, its township, its county. */
    static final Set<StaffRole> INTAKE_ROLES = EnumSet.of(StaffRole.VILLAGE_CLERK, StaffRole.TOWNSHIP_CASEWORKER,
            StaffRole.COUNTY_REVIEWER);

    private final ApplicationValidator validator;
    private final CaseRepository cases;
    private final RegionService regions;
    private final CaseRecords records;
    private final CaseProcesses processes;
    private final List<IntakeRule> rules;
    private final Actors actors;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CaseIntake(ApplicationValidator validator, CaseRepository cases, RegionService regions, CaseRecords records,
            CaseProcesses processes, List<IntakeRule> rules, Actors actors, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.validator = validator;
        this.cases = cases;
        this.regions = regions;
        this.records = records;
        this.processes = processes;
        this.rules = rules;
        this.actors = actors;
        this.clock = clock;
    }

    /** An application over the API: registers the case and starts its process. */
    @Transactional
    public AssistanceCase submit(ApplicationForm form) {
        AssistanceCase c = register(form);
        ProcessInstance instance = processes.startFor(c); // binds itself to the case as it starts
        log.info("case {} submitted by {}, process {}", c.caseNumber(), c.submittedBy(), instance.getId());
        return c;
    }

    private AssistanceCase register(ApplicationForm form) {
        ValidApplication app = validator.validate(form);
        StaffScope scope = actors.currentScope();
        if (!scope.hasRoleFor(INTAKE_ROLES, app.village().code())) {
            throw new OutsideScopeException("you may not take applications for village " + app.village().code());
        }
        String actor = actors.currentUserId();
        refuseIfOpen(app, scope);

        Instant now = clock.instant();
        LocalDate today = TimeConfig.today(clock);
        // Ability to work is presumed within the working age of the county's policy in force this month.
        WorkingAge workingAge = regions.findPolicy(app.village().countyCode(), YearMonth.from(today))
                .map(CountyPolicy::workingAge).orElse(WorkingAge.DEFAULT);
        Household household = new Household(app.village().code(), app.applicant(), app.members(), now, today,
                workingAge);
        boolean delegated = app.programme() == Programme.DIBAO
                && regions.policyOf(app.village().countyCode()).approvalDelegated();
        AssistanceCase c = new AssistanceCase(app.programme(), app.kind(), app.cause(), app.village(), household,
                app.phone(), app.reason(), app.requestedAmount(), delegated, now, actor);
        rules.forEach(rule -> rule.check(c));
        try {
            // Flushing now makes the participant key refuse a concurrent twin before the process starts.
            cases.saveAndFlush(c);
        } catch (DataIntegrityViolationException e) {
            throw new DuplicateCaseException("applicant.idNumber", app.programme(), null);
        }
        c.assignNumber();
        records.step(c, TimelineStep.SUBMITTED, actor, "submitted",
                app.programme().label() + "，家庭人口 " + household.size() + " 人");
        // Near relatives of staff (近亲属备案): declared, and looked up in the county's roster.
        events.publishEvent(new CaseEvents.Submitted(c.caseNumber(), app.nearRelations(), actor));
        return c;
    }

    /**
     * Opens a review case ({@link AssistanceCase#forReview}) in the caller's transaction: registered, numbered
     * ({@code FH-…}), on the timeline, its process started (the instance binds itself to it), and under
     * investigation from now on (复核 needs no 受理: the office starts it). A covered person with another open case
     * in the programme refuses it (409).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AssistanceCase openReview(AssistanceCase c, String detail) {
        if (!c.isReview()) {
            throw new IllegalArgumentException("not a review case");
        }
        try {
            cases.saveAndFlush(c);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("保障对象 " + c.reviewOf() + " 的成员有未办结的" + c.programme().label()
                    + "案件，不能开始复核 / a covered person has an open case in the programme");
        }
        c.assignNumber();
        records.step(c, TimelineStep.REVIEW_STARTED, c.submittedBy(), c.reviewTrigger(), detail);
        // Searchable like any case, and looked up in the county's roster of staff relatives (近亲属备案).
        events.publishEvent(new CaseEvents.Submitted(c.caseNumber(), List.of(), c.submittedBy()));
        // Binds itself to the case as it starts; what started it is the instance's variable `trigger` (contract).
        ProcessInstance instance = processes.startFor(c, Map.of("trigger", c.reviewTrigger()));
        c.accept(c.submittedAt());
        log.info("review {} of {} opened ({}), process {}", c.caseNumber(), c.reviewOf(), c.reviewTrigger(),
                instance.getId());
        return c;
    }

    private void refuseIfOpen(ValidApplication app, StaffScope scope) {
        checkOpen("applicant.idNumber", app.applicant().id().value(), app, scope);
        for (int i = 0; i < app.members().size(); i++) {
            checkOpen("members[" + i + "].idNumber", app.members().get(i).id().value(), app, scope);
        }
    }

    private void checkOpen(String field, String idNumber, ValidApplication app, StaffScope scope) {
        cases.findOpenCaseOf(idNumber, app.programme().name()).ifPresent(open -> {
            throw new DuplicateCaseException(field, app.programme(),
                    scope.canSee(open.villageCode()) ? open.caseNumber() : null);
        });
    }
}
