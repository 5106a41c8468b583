package org.doudi.verification.process;

import static org.doudi.verification.process.IncomeVerificationProcess.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.doudi.shared.Money;
import org.doudi.verification.HomeVisitReport;
import org.doudi.verification.IncomeFigures;
import org.doudi.verification.Investigations;
import org.doudi.verification.SelfCareActivity;
import org.doudi.verification.TekunWorkAbility;
import org.doudi.verification.WorkAbilityFinding;
import org.springframework.stereotype.Component;

/**
 * On leaving {@code Task_HomeVisit}: checks the report and records it with the investigator. For 特困, the
 * finding on the applicant's ability to work is optional (left out: presumed from age and disability);
 * one that departs from the presumption needs its reason, and none may set aside what age decides.
 */
@Component("homeVisitListener")
class HomeVisitListener extends TaskOutcomeListener {

    private final Investigations investigations;

    HomeVisitListener(Investigations investigations, Actors actors) {
        super(actors);
        this.investigations = investigations;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        BigDecimal wage = in.requiredAmount(VAR_WAGE_INCOME);
        BigDecimal employmentCost = in.requiredAmount(VAR_EMPLOYMENT_COST);
        BigDecimal business = in.requiredAmount(VAR_BUSINESS_INCOME);
        BigDecimal property = in.requiredAmount(VAR_PROPERTY_INCOME);
        BigDecimal transfer = in.requiredAmount(VAR_TRANSFER_INCOME);
        BigDecimal rigid = in.requiredAmount(VAR_RIGID_EXPENSE);
        BigDecimal excluded = in.optionalAmount(VAR_EXCLUDED_INCOME);
        Boolean assets = in.requiredBoolean(VAR_ASSETS_WITHIN_LIMIT);
        String notes = in.optionalText(VAR_VISIT_NOTES, 2000);
        Boolean supporter = in.optionalBoolean(VAR_HAS_ABLE_SUPPORTER);
        boolean centralised = in.optionalBoolean(VAR_WANTS_CENTRALISED_CARE, false);
        List<SelfCareActivity> unmanaged = new ArrayList<>();
        for (SelfCareActivity activity : SelfCareActivity.values()) {
            if (!in.optionalBoolean(activity.formField(), true)) {
                unmanaged.add(activity);
            }
        }
        WorkAbilityFinding finding = WorkAbilityFinding.PRESUMED;
        String findingValue = in.optionalText(VAR_ABLE_TO_WORK_FINDING, 20);
        if (findingValue != null) {
            finding = WorkAbilityFinding.parse(findingValue).orElse(null);
            if (finding == null) {
                in.reject(VAR_ABLE_TO_WORK_FINDING, "只能是 presumed（按年龄、残疾等级认定）、yes（有劳动能力）或 no（无劳动能力）");
            }
        }
        String reason = in.optionalText(VAR_ABLE_TO_WORK_REASON, 500);
        if (finding != null && finding != WorkAbilityFinding.PRESUMED && investigations.isTekun(caseNumber)) {
            TekunWorkAbility.problemWith(investigations.applicantPresumedUnableToWork(caseNumber), finding, reason)
                    .ifPresent(p -> in.reject(p.field(), p.message()));
        }
        in.validate();

        IncomeFigures income = new IncomeFigures(wage, employmentCost, business, property, transfer,
                excluded == null ? Money.ZERO : excluded, rigid);
        investigations.recordHomeVisit(caseNumber, new HomeVisitReport(income, assets, supporter, unmanaged,
                centralised, notes, finding, reason), actor);
    }
}
