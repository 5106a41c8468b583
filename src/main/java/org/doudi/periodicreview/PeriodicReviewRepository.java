package org.doudi.periodicreview;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PeriodicReviewRepository extends JpaRepository<PeriodicReview, Long> {

    Optional<PeriodicReview> findByCaseNumber(String caseNumber);

    List<PeriodicReview> findByEnrolmentIdOrderByStartedAtAscIdAsc(Long enrolmentId);

    /** The latest decided review of an enrolment with an outcome (the one that granted its gradual exit). */
    Optional<PeriodicReview> findFirstByEnrolmentIdAndOutcomeOrderByDecidedAtDesc(Long enrolmentId, String outcome);
}
