package org.doudi.region;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up villages, townships and counties and the local policy that applies to them. */
@Service
@Transactional(readOnly = true)
public class RegionService {

    private final RegionRepository regions;
    private final CountyPolicyRepository policies;

    RegionService(RegionRepository regions, CountyPolicyRepository policies) {
        this.regions = regions;
        this.policies = policies;
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

    /** The local policy of a county; a county without one cannot take cases. */
    public CountyPolicy policyOf(String countyCode) {
        return policies.findById(countyCode)
                .orElseThrow(() -> new MissingCountyPolicyException(countyCode));
    }

    public Optional<CountyPolicy> findPolicy(String countyCode) {
        return policies.findById(countyCode);
    }
}
