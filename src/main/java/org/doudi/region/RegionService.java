package org.doudi.region;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.doudi.TimeConfig;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.OutsideScopeException;
import org.doudi.shared.TransactionMemo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up villages, townships and counties and the local policy that applies to them. */
@Service
@Transactional(readOnly = true)
public class RegionService {

    /** The transaction resource holding the policies this transaction already read. */
    private static final String POLICIES = RegionService.class.getName() + ".policies";

    private final RegionRepository regions;
    private final CountyPolicyRepository policies;
    private final Clock clock;

    RegionService(RegionRepository regions, CountyPolicyRepository policies, Clock clock) {
        this.regions = regions;
        this.policies = policies;
        this.clock = clock;
    }

    /** A known village, or empty when the code is not a 12-digit code of a registered village. */
    public Optional<Region> village(String code) {
        if (RegionLevel.ofCode(code) != RegionLevel.VILLAGE) {
            return Optional.empty();
        }
        return regions.findById(code).filter(r -> r.level() == RegionLevel.VILLAGE);
    }

    public Optional<Region> find(String code) {
        return code == null ? Optional.empty() : regions.findById(code);
    }

    /**
     * The regions a list of something staff look up ({@code 案件}, {@code 保障对象} …) covers for this user: the one
     * asked for ({@code region} parameter), which must be a known division code he may see, or, without one, every
     * region he sees; {@code null} for an administrator (no condition). A bad code is a {@code 400} naming the
     * parameter, a region outside his scope (or a role that sees none) a {@code 403}.
     *
     * @param action the Chinese verb and object of the refusal, e.g. {@code 查询…案件} as {@code ("查询", "案件")}
     * @param things the same in English, e.g. {@code cases}
     */
    public List<String> regionsToList(String region, StaffScope scope, String action, String object, String things) {
        if (region != null) {
            if (RegionLevel.ofCode(region) == null || !region.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw InvalidInputException.of("region", "「区划」须为 6 位县级、9 位乡镇或 12 位村级区划代码 / must be"
                        + " a 6-digit county, 9-digit township or 12-digit village code");
            }
            if (find(region).isEmpty()) {
                throw InvalidInputException.of("region", "「区划」" + region + " 不存在 / unknown region");
            }
            if (!scope.canSee(region)) {
                throw new OutsideScopeException("无权" + action + "区划 " + region + " 的" + object + " / the " + things
                        + " of region " + region + " are outside your regions");
            }
            return List.of(region);
        }
        if (scope.isAdmin()) {
            return null;
        }
        List<String> visible = scope.visibleRegions();
        if (visible.isEmpty()) {
            throw new OutsideScopeException("您的岗位不能" + action + object + " / your roles see no region's " + things);
        }
        return visible;
    }

    /** The names of the known regions among some codes, in one lookup (codes not known are left out). */
    public Map<String, String> names(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        regions.findAllById(codes).forEach(r -> names.put(r.code(), r.name()));
        return names;
    }

    /** The local policy of a county in force today; a county without one cannot take cases. */
    public CountyPolicy policyOf(String countyCode) {
        return policyOf(countyCode, currentMonth());
    }

    /**
     * The version of a county's policy in force in a month: the latest that starts in or before it. A
     * decision uses the version of the month it is taken in.
     */
    public CountyPolicy policyOf(String countyCode, YearMonth month) {
        return findPolicy(countyCode, month).orElseThrow(() -> new MissingCountyPolicyException(countyCode));
    }

    /** The policy in force today, if the county has one. */
    public Optional<CountyPolicy> findPolicy(String countyCode) {
        return findPolicy(countyCode, currentMonth());
    }

    /**
     * The version of a county's policy in force in a month, if any. Read once per transaction and month
     * (a step's checks, its assessment and its form each ask); adding a version forgets what was read.
     */
    public Optional<CountyPolicy> findPolicy(String countyCode, YearMonth month) {
        if (countyCode == null) {
            return Optional.empty();
        }
        Map<String, Optional<CountyPolicy>> read = TransactionMemo.of(POLICIES);
        return read.computeIfAbsent(countyCode + '|' + month, k -> policies
                .findFirstByCountyCodeAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(countyCode,
                        month.atDay(1)));
    }

    /** A version was added in this transaction: the next lookup reads again. */
    void forgetPolicies() {
        TransactionMemo.of(POLICIES).clear();
    }

    /** Every version of a county's policy, the oldest first. */
    public List<CountyPolicy> policyVersions(String countyCode) {
        return policies.findByCountyCodeOrderByEffectiveFromAsc(countyCode);
    }

    /** The current month in China Standard Time, on the application's clock. */
    public YearMonth currentMonth() {
        return YearMonth.from(TimeConfig.today(clock));
    }
}
