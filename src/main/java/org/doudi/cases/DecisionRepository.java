package org.doudi.cases;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DecisionRepository extends JpaRepository<CaseDecision, Long> {

    List<CaseDecision> findByCaseIdOrderByDecidedAtAscIdAsc(Long caseId);

    /** The case numbers of the decisions of a stage taken in a county since a moment, the earliest first. */
    @Query("""
            select c.caseNumber from CaseDecision d, AssistanceCase c
            where d.caseId = c.id and c.countyCode = :countyCode and d.stage = :stage and d.decidedAt >= :since
            order by d.decidedAt asc, d.id asc
            """)
    List<String> casesDecidedSince(String countyCode, DecisionStage stage, Instant since, Pageable page);
}
