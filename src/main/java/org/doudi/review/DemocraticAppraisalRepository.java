package org.doudi.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DemocraticAppraisalRepository extends JpaRepository<DemocraticAppraisal, Long> {

    List<DemocraticAppraisal> findByCaseIdOrderByIdAsc(Long caseId);
}
