package org.doudi.temporary;

import java.time.Instant;
import java.util.Optional;

import org.doudi.cases.TemporaryCause;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AssistanceGrantRepository extends JpaRepository<AssistanceGrant, Long> {

    Optional<AssistanceGrant> findByCaseId(Long caseId);

    /** Grants paid since a moment to cases of a person for a cause. */
    @Query("""
            select count(g) from AssistanceGrant g, AssistanceCase c
            where g.caseId = c.id and c.applicantIdNumber = :idNumber and c.cause = :cause and g.grantedAt >= :since
            """)
    long countSince(String idNumber, TemporaryCause cause, Instant since);
}
