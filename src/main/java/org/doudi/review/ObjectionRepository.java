package org.doudi.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ObjectionRepository extends JpaRepository<Objection, Long> {

    List<Objection> findByCaseIdOrderById(Long caseId);

    List<Objection> findByCaseIdAndResolvedAtIsNullOrderById(Long caseId);
}
