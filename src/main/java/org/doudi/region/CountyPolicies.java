package org.doudi.region;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.doudi.TimeConfig;
import org.doudi.shared.ConflictException;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.OutsideScopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds versions of a county's policy. A version never changes what a decision already taken was based on:
 * <ul>
 * <li>county staff add versions from the current month on; an operator may also date one back;</li>
 * <li>nobody adds a version from a month in which, or after which, the county has already decided a case
 * (its decisions used the version then in force, and stay as they were);</li>
 * <li>a month has one version, and a stored version is never changed;</li>
 * <li>the values keep the national bounds ({@link PolicyValues#problems()}).</li>
 * </ul>
 */
@Service
@Transactional
public class CountyPolicies {

    private static final Logger log = LoggerFactory.getLogger(CountyPolicies.class);

    /** Who may add a version for a county, besides operators. */
    static final Set<StaffRole> EDITORS = Set.of(StaffRole.COUNTY_REVIEWER);

    private final RegionService regions;
    private final CountyPolicyRepository policies;
    private final List<PolicyUses> uses;
    private final Clock clock;

    CountyPolicies(RegionService regions, CountyPolicyRepository policies, List<PolicyUses> uses, Clock clock) {
        this.regions = regions;
        this.policies = policies;
        this.uses = uses;
        this.clock = clock;
    }

    /** The county, or 404. */
    @Transactional(readOnly = true)
    public Region county(String countyCode) {
        return regions.find(countyCode).filter(r -> r.level() == RegionLevel.COUNTY)
                .orElseThrow(() -> new NotFoundException("没有县级区划 " + countyCode + " (no such county)"));
    }

    /** Refuses (403) unless the user may add versions for the county: its civil-affairs staff, operators. */
    public void requireEditor(String countyCode, StaffScope scope) {
        if (!scope.hasRoleFor(EDITORS, countyCode)) {
            throw new OutsideScopeException("只有本县民政部门工作人员或系统管理员可以调整本县标准 "
                    + "(only the county's civil-affairs staff or an operator may add a policy version)");
        }
    }

    /** What a new version from the month starts from: the version in force then, if any. */
    @Transactional(readOnly = true)
    public Optional<PolicyValues> baseFor(String countyCode, YearMonth from) {
        return regions.findPolicy(countyCode, from).map(CountyPolicy::values);
    }

    /** Stores a new version of the county's policy, in force from the month on. */
    public CountyPolicy addVersion(String countyCode, YearMonth from, PolicyValues values, StaffScope scope,
            String actor) {
        county(countyCode);
        requireEditor(countyCode, scope);
        YearMonth now = regions.currentMonth();
        if (from.isBefore(now) && !scope.isAdmin()) {
            throw InvalidInputException.of("effectiveFrom", "生效月份不能早于本月（" + now + "）；追溯调整须由系统管理员办理 "
                    + "(a version starts in the current month or later; only an operator dates one back)");
        }
        if (policies.existsByCountyCodeAndEffectiveFrom(countyCode, from.atDay(1))) {
            throw new ConflictException("本县 " + from + " 起的标准已经设定，已设定的版本不能修改 (a version from " + from
                    + " exists and is never changed)");
        }
        Instant since = from.atDay(1).atStartOfDay(TimeConfig.LEGAL_ZONE).toInstant();
        for (PolicyUses use : uses) {
            Optional<String> decided = use.decisionSince(countyCode, since);
            if (decided.isPresent()) {
                throw new ConflictException("本县自 " + from + " 起已有按当时标准作出的决定（案件 " + decided.get()
                        + "），新标准只能从该决定所在月份之后的月份起生效 (a decision taken since " + from + ", case "
                        + decided.get() + ", used the version then in force; a new version must start later)");
            }
        }
        var problems = values.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CountyPolicy version = policies.saveAndFlush(new CountyPolicy(countyCode, from, values, actor,
                clock.instant()));
        regions.forgetPolicies();
        log.info("county {}: policy version from {} added by {} (低保标准 {})", countyCode, from, actor,
                values.dibaoStandard());
        return version;
    }
}
