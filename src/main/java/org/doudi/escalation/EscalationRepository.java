package org.doudi.escalation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EscalationRepository extends JpaRepository<EscalationRecord, Long> {

    boolean existsByTaskIdAndLevel(String taskId, String level);

    List<EscalationRecord> findByCaseIdOrderById(Long caseId);

    long countByTaskIdAndLevel(String taskId, String level);
}
