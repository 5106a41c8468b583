package org.doudi.cases;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionRepository extends JpaRepository<CaseDecision, Long> {

    List<CaseDecision> findByCaseIdOrderByDecidedAtAscIdAsc(Long caseId);
}
