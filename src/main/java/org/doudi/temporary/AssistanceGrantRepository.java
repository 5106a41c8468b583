package org.doudi.temporary;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.doudi.cases.Programme;
import org.doudi.cases.TemporaryCause;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AssistanceGrantRepository extends JpaRepository<AssistanceGrant, Long> {

    Optional<AssistanceGrant> findByCaseId(Long caseId);

    /**
     * The grants for a cause paid in a period to temporary cases whose household holds any of the people,
     * the latest first: one row {case number, the person's ID number, his name} per grant and person in it.
     */
    @Query("""
            select c.caseNumber, m.idNumber, m.name
            from AssistanceGrant g, AssistanceCase c, HouseholdMember m
            where g.caseId = c.id and m.household = c.household and c.programme = :programme and c.cause = :cause
              and g.grantedAt >= :from and g.grantedAt < :until and m.idNumber in :idNumbers
            order by g.grantedAt desc, g.id desc
            """)
    List<Object[]> grantsToAnyOf(Collection<String> idNumbers, Programme programme, TemporaryCause cause,
            Instant from, Instant until);
}
