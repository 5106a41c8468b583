package org.doudi.region;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.doudi.TimeConfig;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up villages, townships and counties and the local policy that applies to them. */
@Service
@Transactional(readOnly = true)
public class RegionService {

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

    public Optional<CountyPolicy> findPolicy(String countyCode, YearMonth month) {
        if (countyCode == null) {
            return Optional.empty();
        }
        return policies.findFirstByCountyCodeAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(countyCode,
                month.atDay(1));
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
