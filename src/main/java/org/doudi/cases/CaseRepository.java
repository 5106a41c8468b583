package org.doudi.cases;

import java.util.Optional;

import org.doudi.shared.NotFoundException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CaseRepository extends JpaRepository<AssistanceCase, Long>, CaseLookup {

    /** The cases carried by these process instances (one query, for set-based work on timers). */
    java.util.List<AssistanceCase> findByProcessInstanceIdIn(java.util.Collection<String> processInstanceIds);

    /** The case, or "not found". */
    default AssistanceCase require(String caseNumber) {
        return findByCaseNumber(caseNumber).orElseThrow(() -> new NotFoundException("no case " + caseNumber));
    }

    /** The case, locked until the end of the transaction, or "not found". */
    default AssistanceCase requireLocked(String caseNumber) {
        return lockByCaseNumber(caseNumber).orElseThrow(() -> new NotFoundException("no case " + caseNumber));
    }

    /** The case with its household, or "not found". */
    default AssistanceCase requireWithHousehold(String caseNumber) {
        return findWithHouseholdByCaseNumber(caseNumber)
                .orElseThrow(() -> new NotFoundException("no case " + caseNumber));
    }

    /** The open case in which a person takes part for a programme, if any. */
    @Query("select p.assistanceCase from CaseParticipant p where p.idNumber = :idNumber and p.programme = :programme")
    Optional<AssistanceCase> findOpenCaseOf(String idNumber, String programme);
}
