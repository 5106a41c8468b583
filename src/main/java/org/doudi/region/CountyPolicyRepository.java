package org.doudi.region;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CountyPolicyRepository extends JpaRepository<CountyPolicy, CountyPolicy.Key> {

    /** The version in force on a day: the latest that starts on or before it. */
    Optional<CountyPolicy> findFirstByCountyCodeAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(
            String countyCode, LocalDate day);

    List<CountyPolicy> findByCountyCodeOrderByEffectiveFromAsc(String countyCode);

    boolean existsByCountyCodeAndEffectiveFrom(String countyCode, LocalDate effectiveFrom);
}
