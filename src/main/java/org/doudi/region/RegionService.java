package org.doudi.region;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
    /** The transaction resource holding the regions this transaction already read, by code. */
    private static final String REGIONS = RegionService.class.getName() + ".regions";

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
        return find(code).filter(r -> r.level() == RegionLevel.VILLAGE);
    }

    /**
     * A region by its code. A division code is read with its township and county, in one statement, and the
     * three are remembered for the transaction: a step that asks for its village's name and for the area it
     * lies in ({@link #deepPovertyOf}) reads them once.
     */
    public Optional<Region> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        List<String> line = DeepPovertyAreas.selfAndAncestors(code);
        if (line.isEmpty()) {
            return regions.findById(code);
        }
        return Optional.ofNullable(line(line).get(code));
    }

    /** The regions of a code's line (itself, its township, its county), as far as they exist. */
    private Map<String, Region> line(List<String> codes) {
        Map<String, Region> read = TransactionMemo.of(REGIONS);
        if (!read.keySet().containsAll(codes)) {
            regions.findAllById(codes).forEach(r -> read.put(r.code(), r));
        }
        return read;
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

    /** The regions right below a code (a county's townships, a township's villages), by code. */
    public List<Region> children(String code) {
        return regions.findByParentCodeOrderByCode(code);
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

    /**
     * The Chinese names of Camunda groups ({@code township-130102100} → 一号镇 乡镇经办), one lookup for all their
     * regions; a group of no role keeps its id.
     */
    public Map<String, String> groupNames(Collection<String> groupIds) {
        Map<String, String> regionOf = new HashMap<>();
        for (String g : groupIds) {
            StaffRole.ofGroup(g).ifPresent(role -> regionOf.put(g, role.regionOf(g)));
        }
        Map<String, String> regionNames = names(new HashSet<>(regionOf.values()));
        Map<String, String> names = new HashMap<>();
        for (String g : groupIds) {
            String region = regionOf.get(g);
            names.put(g, region == null ? g : regionNames.getOrDefault(region, region) + " "
                    + StaffRole.ofGroup(g).orElseThrow().label());
        }
        return names;
    }

    /**
     * The kind of deep-poverty area (深度贫困地区) a county, township or village lies in: its own flag, its
     * township's or its county's (三区三州 before 深度贫困 when two apply); empty for none, and for a code that
     * is no county, township or village code. At most one statement (three rows by primary key), none when
     * this transaction read the code already ({@link #find}). For many codes (a list), ask
     * {@link #deepPovertyAreas()} once instead.
     */
    public Optional<DeepPoverty> deepPovertyOf(String code) {
        return deepPovertyAreasOf(code).kindOf(code);
    }

    /**
     * The flags of a code, its township and its county (read as {@link #find} reads them): which area the code
     * lies in and whose flag puts it there.
     */
    public DeepPovertyAreas deepPovertyAreasOf(String code) {
        List<String> line = DeepPovertyAreas.selfAndAncestors(code);
        Map<String, DeepPoverty> flags = new HashMap<>();
        if (!line.isEmpty()) {
            Map<String, Region> read = line(line);
            for (String c : line) {
                Region r = read.get(c);
                if (r != null && r.deepPoverty() != null) {
                    flags.put(c, r.deepPoverty());
                }
            }
        }
        return new DeepPovertyAreas(flags);
    }

    /**
     * Every flagged region, in one statement that reads the flagged rows only: to resolve any number of codes
     * in memory ({@link DeepPovertyAreas#kindOf}), never one query per row.
     */
    public DeepPovertyAreas deepPovertyAreas() {
        return areas(regions.deepPovertyFlags());
    }

    private static DeepPovertyAreas areas(List<Object[]> rows) {
        Map<String, DeepPoverty> flags = new HashMap<>();
        rows.forEach(r -> flags.put((String) r[0], (DeepPoverty) r[1]));
        return new DeepPovertyAreas(flags);
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
