package org.doudi;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps Spring Modulith's event publication registry ({@code event_publication}) moving. A transactional
 * listener of a domain event (e.g. the enrolment's of {@code CaseApproved}) that failed, or whose node died
 * before it completed, leaves its publication incomplete: such publications older than
 * {@code doudi.events.resubmit-after} are delivered again every {@code doudi.events.resubmit-every}, besides
 * once at every start ({@code spring.modulith.events.republish-outstanding-events-on-restart}). The age keeps
 * a delivery that is still running from being started twice on this node; another node may still deliver the
 * same publication at the same time, so every such listener is idempotent. Completed publications are kept
 * {@code doudi.events.keep-completed} for inspection, then deleted.
 */
@Component
class EventUpkeep {

    private static final Logger log = LoggerFactory.getLogger(EventUpkeep.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final Duration resubmitAfter;
    private final Duration keepCompleted;

    EventUpkeep(IncompleteEventPublications incomplete, CompletedEventPublications completed,
            @Value("${doudi.events.resubmit-after:PT1M}") Duration resubmitAfter,
            @Value("${doudi.events.keep-completed:P7D}") Duration keepCompleted) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.resubmitAfter = resubmitAfter;
        this.keepCompleted = keepCompleted;
    }

    /** Delivers again the publications still incomplete after {@code resubmit-after}. */
    @Scheduled(fixedDelayString = "${doudi.events.resubmit-every:PT1M}",
            initialDelayString = "${doudi.events.resubmit-every:PT1M}")
    void resubmitIncomplete() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);
        } catch (RuntimeException e) {
            log.warn("event publications: resubmission failed, tried again in the next round: {}", e.toString());
        }
    }

    /** Deletes completed publications older than {@code keep-completed}, once an hour. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void deleteCompleted() {
        completed.deletePublicationsOlderThan(keepCompleted);
    }
}
