package org.doudi.verification;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface VerificationResultNoticeRepository extends JpaRepository<VerificationResultNotice, Long> {

    List<VerificationResultNotice> findByCaseIdOrderById(Long caseId);

    Optional<VerificationResultNotice> findFirstByCaseIdOrderByIdDesc(Long caseId);
}
