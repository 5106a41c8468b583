package org.doudi.cases;

import java.time.Instant;
import java.util.Optional;

import org.doudi.region.PolicyUses;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decisions (审核确认, a township's or the county's grant) a county took: each used the county's policy
 * version of its month, so no new version may start in or before that month.
 */
@Component
class DecisionsUnderPolicy implements PolicyUses {

    private final DecisionRepository decisions;

    DecisionsUnderPolicy(DecisionRepository decisions) {
        this.decisions = decisions;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> decisionSince(String countyCode, Instant since) {
        return decisions.casesDecidedSince(countyCode, DecisionStage.DECISION, since, PageRequest.of(0, 1)).stream()
                .findFirst();
    }
}
