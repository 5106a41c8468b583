package org.doudi.verification;

import java.util.List;

/**
 * What the home-visit form reports, checked.
 *
 * @param hasAbleSupporter 特困: a legal supporter able to support; {@code null} to judge from the household
 * @param unmanagedActivities 特困: codes of the self-care activities the person does not manage
 * @param wantsCentralisedCare 特困: wishes to live in a care home (集中供养)
 */
public record HomeVisitReport(IncomeFigures income, boolean assetsWithinLimit, Boolean hasAbleSupporter,
        List<SelfCareActivity> unmanagedActivities, boolean wantsCentralisedCare, String notes) {
}
