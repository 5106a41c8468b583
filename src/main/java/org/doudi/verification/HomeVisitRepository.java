package org.doudi.verification;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface HomeVisitRepository extends JpaRepository<HomeVisit, Long> {

    Optional<HomeVisit> findFirstByCaseIdOrderByIdDesc(Long caseId);
}
