package org.doudi.verification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface VerificationFindingRepository extends JpaRepository<VerificationFinding, Long> {

    List<VerificationFinding> findByCaseIdOrderById(Long caseId);

    @Modifying
    @Query("delete from VerificationFinding f where f.caseId = :caseId")
    void deleteByCaseId(Long caseId);
}
