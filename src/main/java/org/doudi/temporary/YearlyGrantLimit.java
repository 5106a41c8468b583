package org.doudi.temporary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.doudi.TimeConfig;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.IntakeRefusedException;
import org.doudi.cases.IntakeRule;
import org.doudi.cases.Programme;
import org.doudi.household.HouseholdMember;
import org.doudi.region.RegionService;
import org.doudi.shared.PersonalData;
import org.springframework.stereotype.Component;

/**
 * At most the county's number of temporary grants per household and cause in a calendar year (China
 * Standard Time): a grant counts against every person of the household it was paid to, so a spouse who
 * applies for the same fire is not paid again. Counted are the granted temporary cases of the same cause
 * this year whose household holds any person of this application. Checked when an application comes in
 * and again when a grant is paid.
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
        Instant nextYear = today.withDayOfYear(1).plusYears(1).atStartOfDay(TimeConfig.LEGAL_ZONE).toInstant();
        List<HouseholdMember> people = c.household().members();
        Map<String, HouseholdMember> byId = new LinkedHashMap<>();
        people.forEach(m -> byId.putIfAbsent(m.idNumber(), m));
        List<Object[]> found = grants.grantsToAnyOf(byId.keySet(), Programme.TEMPORARY, c.cause(), yearStart, nextYear);
        Set<String> grantedCases = new LinkedHashSet<>();
        found.forEach(row -> grantedCases.add((String) row[0]));
        grantedCases.remove(c.caseNumber());
        if (grantedCases.size() < limit) {
            return;
        }
        // Name the latest case that paid this household (the rows come latest first), and the first person of
        // this application who was in it.
        String latest = grantedCases.iterator().next();
        HouseholdMember member = found.stream().filter(row -> row[0].equals(latest))
                .map(row -> byId.get((String) row[1])).min(java.util.Comparator.comparingInt(people::indexOf))
                .orElseThrow();
        int position = people.indexOf(member);
        String field = position <= 0 ? "applicant.idNumber" : "members[" + (position - 1) + "].idNumber";
        throw new IntakeRefusedException(field, "本年度（" + today.getYear() + " 年）家庭成员 " + member.name() + "（"
                + PersonalData.maskIdNumber(member.idNumber()) + "）已在案件 " + latest + " 中因「" + c.cause().label()
                + "」获临时救助；同一家庭同一原因本年度已救助 " + grantedCases.size() + " 次，达到本县每年 " + limit
                + " 次的上限 (yearly limit of " + limit + " grants per household and cause reached; latest: case "
                + latest + ")");
    }
}
