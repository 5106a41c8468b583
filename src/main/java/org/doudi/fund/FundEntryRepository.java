package org.doudi.fund;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FundEntryRepository extends JpaRepository<FundEntry, Long> {

    List<FundEntry> findByTownshipCodeOrderByIdDesc(String townshipCode);

    Optional<FundEntry> findByCaseIdAndKind(Long caseId, FundEntry.Kind kind);

    @Query("select coalesce(sum(e.amount), 0) from FundEntry e where e.townshipCode = :townshipCode")
    BigDecimal sumOf(String townshipCode);
}
