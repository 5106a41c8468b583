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
import org.springframework.stereotype.Component;

/** On leaving {@code Task_HomeVisit}: checks the report and records it with the investigator. */
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
        in.validate();

        IncomeFigures income = new IncomeFigures(wage, employmentCost, business, property, transfer,
                excluded == null ? Money.ZERO : excluded, rigid);
        investigations.recordHomeVisit(caseNumber,
                new HomeVisitReport(income, assets, supporter, unmanaged, centralised, notes), actor);
    }
}
