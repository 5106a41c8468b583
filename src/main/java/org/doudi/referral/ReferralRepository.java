package org.doudi.referral;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReferralRepository extends JpaRepository<Referral, Long> {

    Optional<Referral> findFirstByCaseIdAndStatus(Long caseId, Referral.Status status);

    List<Referral> findByCaseIdOrderById(Long caseId);

    boolean existsByCaseIdAndCountyCode(Long caseId, String countyCode);

    /** Whether a referral of the case is bound to the instance: the engine's step guard asks. */
    @Query("""
            select count(r) from Referral r, AssistanceCase c
            where r.caseId = c.id and c.caseNumber = :caseNumber and r.processInstanceId = :processInstanceId
            """)
    long countBound(String caseNumber, String processInstanceId);

    /** The same for a referral without a case, by its subject's number. */
    long countBySubjectNumberAndProcessInstanceId(String subjectNumber, String processInstanceId);

    default boolean existsBound(String businessKey, String processInstanceId) {
        return countBound(businessKey, processInstanceId) > 0
                || countBySubjectNumberAndProcessInstanceId(businessKey, processInstanceId) > 0;
    }

    Optional<Referral> findFirstBySubjectNumberOrderByIdDesc(String subjectNumber);

    /** The open referral of a person without a case, by its subject's number (a field check's). */
    Optional<Referral> findFirstBySubjectNumberAndStatus(String subjectNumber, Referral.Status status);

    /** The referral bound to an instance. */
    Optional<Referral> findByProcessInstanceId(String processInstanceId);

    /** Referrals of a region and below (a county, a township), newest first. */
    @Query("select r from Referral r where r.townshipCode like concat(:prefix, '%') order by r.id desc")
    List<Referral> findInRegion(String prefix);
}
