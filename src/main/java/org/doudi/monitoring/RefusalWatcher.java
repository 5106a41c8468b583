package org.doudi.monitoring;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseEvents;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.Programme;
import org.doudi.verification.Investigations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A refused 低保 or 特困 applicant in difficulty goes on the watch list (潜在救助对象) once the rejection notice went
 * out: when the household's last assessment put its per-capita income under the county's multiple of the standard
 * ({@link WatchList#addRefusedApplicant}). After the refusal committed, in a transaction of its own; the event
 * registry delivers it again if this fails. Adding is idempotent (one active entry per person).
 */
@Component
class RefusalWatcher {

    static final String ID = "monitoring.case-refused";

    private final CaseRepository cases;
    private final Investigations investigations;
    private final WatchList watchList;

    RefusalWatcher(CaseRepository cases, Investigations investigations, WatchList watchList) {
        this.cases = cases;
        this.investigations = investigations;
        this.watchList = watchList;
    }

    @ApplicationModuleListener(id = ID)
    void on(CaseEvents.Rejected rejected) {
        AssistanceCase c = cases.findByCaseNumber(rejected.caseNumber()).orElse(null);
        if (c == null || c.programme() == Programme.TEMPORARY || c.isReview()) {
            return;
        }
        investigations.latestAssessment(c).ifPresent(a -> watchList.addRefusedApplicant(c.caseNumber(),
                c.applicantIdNumber(), c.applicantName(), c.villageCode(), a.perCapitaIncome(), a.standard()));
    }
}
