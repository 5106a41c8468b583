package org.doudi.temporary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.doudi.TimeConfig;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.IntakeRefusedException;
import org.doudi.cases.IntakeRule;
import org.doudi.cases.Programme;
import org.doudi.region.RegionService;
import org.springframework.stereotype.Component;

/**
 * At most the county's number of temporary grants per person and cause in a calendar year (China
 * Standard Time). Checked when an application comes in and again when a grant is paid.
 */
@Component
class YearlyGrantLimit implements IntakeRule {

    private final AssistanceGrantRepository grants;
    private final RegionService regions;
    private final Clock clock;

    YearlyGrantLimit(AssistanceGrantRepository grants, RegionService regions, Clock clock) {
        this.grants = grants;
        this.regions = regions;
        this.clock = clock;
    }

    @Override
    public void check(AssistanceCase c) {
        if (c.programme() != Programme.TEMPORARY) {
            return;
        }
        int limit = regions.policyOf(c.countyCode()).grantsPerCausePerYear();
        LocalDate today = TimeConfig.today(clock);
        Instant yearStart = today.withDayOfYear(1).atStartOfDay(TimeConfig.LEGAL_ZONE).toInstant();
        long received = grants.countSince(c.applicantIdNumber(), c.cause(), yearStart);
        if (received >= limit) {
            throw new IntakeRefusedException("applicant.idNumber", "本年度该申请人因「" + c.cause().label() + "」已获临时救助 "
                    + received + " 次，达到本县每人每种原因每年 " + limit + " 次的上限 (yearly limit of " + limit
                    + " grants per person and cause reached)");
        }
    }
}
