package org.doudi.periodicreview;

import java.util.EnumSet;
import java.util.Set;

import org.doudi.enrolment.Enrolment;
import org.doudi.enrolment.Enrolments;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.OutsideScopeException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A change reported for an enrolled household (家庭情况变化报告: income, members, death, moving away …) by its village
 * clerk, township or county: it starts an unscheduled review with the report as its reason.
 */
@Service
public class ChangeReports {

    /** Who reports a change of a household: its village clerk, its township, its county. */
    static final Set<StaffRole> REPORTING_ROLES = EnumSet.of(StaffRole.VILLAGE_CLERK, StaffRole.TOWNSHIP_CASEWORKER,
            StaffRole.COUNTY_REVIEWER);

    private final Enrolments enrolments;
    private final PeriodicReviews reviews;

    ChangeReports(Enrolments enrolments, PeriodicReviews reviews) {
        this.enrolments = enrolments;
        this.reviews = reviews;
    }

    /** Starts the review the report asks for; the enrolment must be within the reporter's villages (404 else). */
    @Transactional
    public String report(String enrolmentNumber, ChangeKind kind, String text, StaffScope scope, String actor) {
        Enrolment e = enrolments.find(enrolmentNumber).filter(found -> scope.canSee(found.villageCode()))
                .orElseThrow(() -> new NotFoundException("没有编号为 " + enrolmentNumber + " 的保障对象，或不在您的辖区内 (no"
                        + " enrolment " + enrolmentNumber + ")"));
        if (!scope.hasRoleFor(REPORTING_ROLES, e.villageCode())) {
            throw new OutsideScopeException("只有本村（居）、乡镇或县级经办人员可以报告保障对象的情况变化 / you may not report "
                    + "changes of " + enrolmentNumber);
        }
        return reviews.start(enrolmentNumber, new PeriodicReviews.Start(ReviewTrigger.CHANGE, kind, text, null,
                actor));
    }
}
