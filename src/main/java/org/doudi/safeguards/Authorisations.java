package org.doudi.safeguards;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.doudi.TimeConfig;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.DecisionStage;
import org.doudi.cases.StepRefusedException;
import org.doudi.cases.TimelineStep;
import org.doudi.household.Household;
import org.doudi.household.HouseholdMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 核对授权书: every adult member of the household (18 or older on the day of acceptance, the applicant
 * included) signs an authorisation for data verification; without all of them the application is
 * incomplete and waits at acceptance with a one-time notice (一次性告知) naming whose is missing, and data
 * verification refuses to run. Minors sign none.
 */
@Service
@Transactional
public class Authorisations {

    private static final Logger log = LoggerFactory.getLogger(Authorisations.class);

    /** Adults sign (完全民事行为能力, 《民法典》 art. 18). */
    public static final int ADULT_AGE = 18;
    /** The outcome of an acceptance that waits for authorisations (recorded with the one-time notice). */
    public static final String INCOMPLETE = "incomplete";
    static final int MAX_REFERENCE = 200;

    private final AuthorisationRepository authorisations;
    private final CaseRepository cases;
    private final CaseRecords records;
    private final Clock clock;

    Authorisations(AuthorisationRepository authorisations, CaseRepository cases, CaseRecords records, Clock clock) {
        this.authorisations = authorisations;
        this.cases = cases;
        this.records = records;
        this.clock = clock;
    }

    /** Whether a person of this age on the acceptance day must sign. */
    public static boolean mustSign(int ageOnAcceptanceDay) {
        return ageOnAcceptanceDay >= ADULT_AGE;
    }

    /** The adult members on a day, the applicant first. */
    public static List<HouseholdMember> adults(AssistanceCase c, LocalDate day) {
        return adults(c.household(), day);
    }

    /** The adult members of a household on a day, the applicant first. */
    public static List<HouseholdMember> adults(Household household, LocalDate day) {
        return household.members().stream().filter(m -> mustSign(m.ageOn(day))).toList();
    }

    /** The adults whose authorisation is not recorded, on the acceptance day (today before acceptance). */
    @Transactional(readOnly = true)
    public List<HouseholdMember> missing(AssistanceCase c) {
        Set<Long> recorded = recordedMemberIds(c);
        return adults(c, acceptanceDay(c)).stream().filter(m -> !recorded.contains(m.id())).toList();
    }

    @Transactional(readOnly = true)
    public List<Authorisation> of(AssistanceCase c) {
        return authorisations.findByCaseIdOrderById(c.id());
    }

    /**
     * Records at acceptance the authorisations the caseworker has.
     *
     * @param given the members (household member ids) whose signed authorisation is at hand; {@code null}
     *        when the acceptance says the materials are complete: every adult's
     * @param reference where the signed papers are kept (scan or archive number), optional
     * @return the adults whose authorisation is still missing, empty when all are recorded
     */
    public List<HouseholdMember> recordAtAcceptance(String caseNumber, Collection<Long> given, String reference,
            String actor) {
        AssistanceCase c = cases.requireWithHousehold(caseNumber);
        LocalDate day = TimeConfig.today(clock);
        Set<Long> recorded = recordedMemberIds(c);
        List<HouseholdMember> added = new ArrayList<>();
        List<HouseholdMember> missing = new ArrayList<>();
        for (HouseholdMember adult : adults(c, day)) {
            if (recorded.contains(adult.id())) {
                continue;
            }
            if (given == null || given.contains(adult.id())) {
                authorisations.save(new Authorisation(c.id(), adult.id(), adult.name(), clock.instant(), actor,
                        reference));
                added.add(adult);
            } else {
                missing.add(adult);
            }
        }
        if (!added.isEmpty()) {
            records.step(c, TimelineStep.AUTHORISATION, actor, "recorded", "已登记核对授权书：" + names(added)
                    + (reference == null ? "" : "（存档编号：" + reference + "）"));
        }
        return missing;
    }

    /**
     * The one-time notice (一次性告知) of an acceptance that waits: the missing authorisations by name, with
     * whatever else the caseworker listed as missing. Kept as the acceptance's decision (outcome
     * {@value #INCOMPLETE}), where the missing-materials notice reads what is missing; the case stays
     * waiting for acceptance.
     */
    public void noticeMissing(String caseNumber, List<HouseholdMember> missing, String otherMaterials, String actor) {
        AssistanceCase c = cases.require(caseNumber);
        String text = noticeText(missing, otherMaterials);
        records.decision(c, DecisionStage.ACCEPTANCE, TimelineStep.ACCEPTANCE, actor, INCOMPLETE, text);
        log.info("case {}: acceptance waits for {} authorisations", caseNumber, missing.size());
    }

    /** The words of the notice. */
    public static String noticeText(List<HouseholdMember> missing, String otherMaterials) {
        String text = "一次性告知：申请材料不齐全，缺少以下成年家庭成员签署的家庭经济状况核对授权书：" + names(missing)
                + "。补齐后予以受理。";
        return otherMaterials == null ? text : text + "另需补齐：" + otherMaterials;
    }

    /**
     * The second lock behind the model: data verification runs only with every adult's authorisation
     * recorded, however the step was reached.
     */
    @Transactional(readOnly = true)
    public void requireComplete(String caseNumber) {
        AssistanceCase c = cases.requireWithHousehold(caseNumber);
        List<HouseholdMember> missing = missing(c);
        if (!missing.isEmpty()) {
            throw new StepRefusedException(caseNumber, "案件 " + caseNumber + " 尚缺以下成年家庭成员签署的核对授权书，不能开展信息核对："
                    + names(missing), "case " + caseNumber + " lacks the signed authorisation for data verification of "
                            + missing.size() + " adult member(s)");
        }
    }

    /**
     * The members whose authorisation is on record for the case. A review (复核) of an enrolment verifies the
     * household under the authorisations its members signed for the application (同意在申请及享受救助期间核对), recorded
     * on the household's earlier cases; a member who came of age since still needs his own.
     */
    private Set<Long> recordedMemberIds(AssistanceCase c) {
        if (c.isReview()) {
            Set<Long> members = c.household().members().stream().map(HouseholdMember::id).collect(Collectors.toSet());
            return authorisations.findByMemberIdIn(members).stream().map(Authorisation::memberId)
                    .collect(Collectors.toSet());
        }
        return authorisations.findByCaseIdOrderById(c.id()).stream().map(Authorisation::memberId)
                .collect(Collectors.toSet());
    }

    private LocalDate acceptanceDay(AssistanceCase c) {
        return c.acceptedAt() == null ? TimeConfig.today(clock)
                : c.acceptedAt().atZone(TimeConfig.LEGAL_ZONE).toLocalDate();
    }

    static String names(List<HouseholdMember> members) {
        return members.stream().map(m -> m.name() + "（" + m.relation().label() + "）").collect(Collectors.joining("、"));
    }
}
