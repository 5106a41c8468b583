package org.doudi.verification;

import java.util.List;

/**
 * What the home-visit form reports, checked.
 *
 * @param hasAbleSupporter 特困: a legal supporter able to support; {@code null} to judge from the household
 * @param unmanagedActivities 特困: codes of the self-care activities the person does not manage
 * @param wantsCentralisedCare 特困: wishes to live in a care home (集中供养)
 * @param applicantAbleToWork 特困: the finding on the applicant's ability to work
 * @param ableToWorkReason why the finding departs from the presumption, or {@code null}
 */
public record HomeVisitReport(IncomeFigures income, boolean assetsWithinLimit, Boolean hasAbleSupporter,
        List<SelfCareActivity> unmanagedActivities, boolean wantsCentralisedCare, String notes,
        WorkAbilityFinding applicantAbleToWork, String ableToWorkReason) {

    /** A report without a finding on the ability to work (presumed from age and disability). */
    public HomeVisitReport(IncomeFigures income, boolean assetsWithinLimit, Boolean hasAbleSupporter,
            List<SelfCareActivity> unmanagedActivities, boolean wantsCentralisedCare, String notes) {
        this(income, assetsWithinLimit, hasAbleSupporter, unmanagedActivities, wantsCentralisedCare, notes,
                WorkAbilityFinding.PRESUMED, null);
    }
}
