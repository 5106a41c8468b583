package org.doudi.referral;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReferralRepository extends JpaRepository<Referral, Long> {

    Optional<Referral> findFirstByCaseIdAndStatus(Long caseId, Referral.Status status);

    List<Referral> findByCaseIdOrderById(Long caseId);

    boolean existsByCaseIdAndCountyCode(Long caseId, String countyCode);

    /** Referrals of a region and below (a county, a township), newest first. */
    @Query("select r from Referral r where r.townshipCode like concat(:prefix, '%') order by r.id desc")
    List<Referral> findInRegion(String prefix);
}
