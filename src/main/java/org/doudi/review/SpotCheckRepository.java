package org.doudi.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SpotCheckRepository extends JpaRepository<SpotCheck, Long> {

    List<SpotCheck> findByCaseIdOrderById(Long caseId);

    Optional<SpotCheck> findFirstByCaseIdAndCheckedAtIsNullOrderById(Long caseId);
}
