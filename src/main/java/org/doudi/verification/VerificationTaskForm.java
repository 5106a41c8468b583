package org.doudi.verification;

import static org.doudi.verification.process.IncomeVerificationProcess.VAR_ASSESSMENT_SUMMARY;
import static org.doudi.verification.process.IncomeVerificationProcess.VAR_FINDINGS;
import static org.doudi.verification.process.IncomeVerificationProcess.VAR_WORK_ABILITY_NOTE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import java.util.Map;
import java.util.Optional;

import org.doudi.TimeConfig;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.Programme;
import org.doudi.cases.TaskFormContext;
import org.doudi.cases.TaskFormContributor;
import org.doudi.cases.process.AssistanceApplicationProcess;
import org.doudi.household.HouseholdMember;
import org.doudi.household.WorkAbility;
import org.doudi.shared.PersonalData;
import org.springframework.stereotype.Component;

/**
 * On every task of a case: what data verification found ({@code {{verificationFindings}}}, the home
 * visit form) and the income assessment ({@code {{assessmentSummary}}}, the review forms), as recorded;
 * for 特困, what the rules presume about the applicant's ability to work and what the application
 * declared ({@code {{workAbilityNote}}}, the home-visit form).
 */
@Component
class VerificationTaskForm implements TaskFormContributor {

    private final DataVerification verification;
    private final Investigations investigations;
    private final Clock clock;

    VerificationTaskForm(DataVerification verification, Investigations investigations, Clock clock) {
        this.verification = verification;
        this.investigations = investigations;
        this.clock = clock;
    }

    @Override
    public void contribute(TaskFormContext task, Map<String, Object> variables) {
        AssistanceCase c = task.caseFile();
        Optional<IncomeAssessment> assessment = c.acceptedAt() == null ? Optional.empty()
                : investigations.latestAssessment(c);
        variables.put(VAR_ASSESSMENT_SUMMARY, assessment.map(a -> investigations.summaryToday(c, a)).orElse(null));
        // Only a case that went through verification has findings to show (an emergency grant does not).
        boolean verified = c.status() == CaseStatus.INVESTIGATION || assessment.isPresent();
        variables.put(VAR_FINDINGS, verified ? DataVerification.summarise(verification.findingsOf(c)) : null);
        variables.put(AssistanceApplicationProcess.VAR_HOME_VISIT_SUMMARY, AssistanceApplicationProcess.TASK_DECISION.equals(task.taskKey())
                ? investigations.latestHomeVisit(c).map(VerificationTaskForm::homeVisit).orElse("未记录入户调查。") : null);
        variables.put(VAR_WORK_ABILITY_NOTE, c.programme() == Programme.TEKUN
                ? workAbilityNote(c.household().applicant(), TimeConfig.today(clock)) : null);
    }

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(TimeConfig.LEGAL_ZONE);

    /** The home visit as the county reads it before deciding: who, when, what they found (typed text, IDs masked). */
    static String homeVisit(HomeVisit v) {
        StringBuilder s = new StringBuilder("调查人员：").append(v.visitedBy() == null ? "—" : v.visitedBy())
                .append("；调查时间：").append(v.visitedAt() == null ? "—" : AT.format(v.visitedAt()))
                .append("\n家庭财产状况：").append(v.assetsWithinLimit() ? "符合规定" : "超出规定");
        if (v.hasAbleSupporter() != null) {
            s.append("\n有具备能力的法定义务人：").append(v.hasAbleSupporter() ? "是" : "否");
        }
        if (v.unmanagedActivityCount() > 0) {
            s.append("\n生活自理能力：").append(v.unmanagedActivityCount()).append(" 项不能自理（")
                    .append(v.unmanagedActivities()).append("）");
        }
        s.append("\n调查情况：").append(v.notes() == null ? "—" : PersonalData.maskAll(v.notes()));
        return s.toString().replace("\n", "  \n");
    }

    /** The presumption a home-visit finding departs from, and the declaration, which decides nothing. */
    static String workAbilityNote(HouseholdMember applicant, LocalDate today) {
        StringBuilder s = new StringBuilder("申请人 ").append(applicant.ageOn(today)).append(" 周岁");
        if (applicant.disabilityGrade() != null) {
            s.append("，").append(applicant.disabilityCategory() == null ? "" : applicant.disabilityCategory().label())
                    .append("残疾 ").append(applicant.disabilityGrade()).append(" 级");
        }
        if (applicant.inSchool()) {
            s.append("，在校学生");
        }
        s.append("：按《特困人员认定办法》");
        s.append(applicant.presumedUnableToWorkOn(today).map(WorkAbility.Basis::label)
                .map(basis -> "推定为无劳动能力（" + basis + "）").orElse("推定为有劳动能力"));
        s.append("。\n申请时自述：");
        s.append(applicant.declaredAbleToWork() == null ? "未申报"
                : applicant.declaredAbleToWork() ? "有劳动能力" : "无劳动能力");
        s.append("（仅供参考，不作为认定依据）");
        return s.toString().replace("\n", "  \n");
    }
}
