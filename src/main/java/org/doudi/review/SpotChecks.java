package org.doudi.review;

import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.DecisionStage;
import org.doudi.cases.Programme;
import org.doudi.cases.TimelineStep;
import org.doudi.region.CountyPolicy;
import org.doudi.region.RegionService;
import org.doudi.security.Actors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spot checks (抽查) by the county, of at least the county's rate of the cases in a scope: 特困
 * applications before the county decides, and 低保 cases that townships decided under delegation.
 * Cases are drawn at random, and always when the share checked would otherwise fall under the rate.
 */
@Service
@Transactional
public class SpotChecks {

    private final CaseRepository cases;
    private final SpotCheckRepository checks;
    private final SpotCheckTallyRepository tallies;
    private final RegionService regions;
    private final CaseRecords records;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private RandomGenerator random = RandomGenerator.getDefault();

    SpotChecks(CaseRepository cases, SpotCheckRepository checks, SpotCheckTallyRepository tallies,
            RegionService regions, CaseRecords records, Clock clock, PlatformTransactionManager transactions) {
        this.cases = cases;
        this.checks = checks;
        this.tallies = tallies;
        this.regions = regions;
        this.records = records;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** For tests that need a known draw. */
    @Autowired(required = false)
    void setRandom(RandomGenerator random) {
        this.random = random;
    }

    /** The tally a case counts in: 特困 or delegated 低保, per county. */
    static String scopeOf(AssistanceCase c) {
        return (c.programme() == Programme.TEKUN ? "TEKUN:" : "DELEGATED:") + c.countyCode();
    }

    /** Counts the case in its scope and says whether it is drawn for a spot check. */
    public boolean draw(String caseNumber) {
        AssistanceCase c = cases.requireLocked(caseNumber);
        String scope = scopeOf(c);
        if (!checks.findByCaseIdOrderById(c.id()).isEmpty()) {
            // Counted once per case, even when a returned case comes this way again.
            return checks.findFirstByCaseIdAndCheckedAtIsNullOrderById(c.id()).isPresent();
        }
        CountyPolicy policy = regions.policyOf(c.countyCode());
        SpotCheckTally tally = lockTally(scope);
        boolean drawn = tally.draw(policy.spotCheckRate(), random.nextDouble());
        if (drawn) {
            checks.save(new SpotCheck(c.id(), scope, clock.instant()));
        }
        records.step(c, TimelineStep.SPOT_CHECK_SELECTION, Actors.SYSTEM, drawn ? "selected" : "not_selected",
                "抽查比例：已抽 " + tally.selected() + " / 共 " + tally.decided());
        return drawn;
    }

    /** The county's finding. */
    public void record(String caseNumber, String result, String notes, String actor) {
        AssistanceCase c = cases.requireLocked(caseNumber);
        SpotCheck check = checks.findFirstByCaseIdAndCheckedAtIsNullOrderById(c.id())
                .orElseThrow(() -> new IllegalStateException("case " + caseNumber + " has no open spot check"));
        check.record(result, notes, actor, clock.instant());
        records.decision(c, DecisionStage.SPOT_CHECK, TimelineStep.SPOT_CHECK, actor, result, notes);
    }

    @Transactional(readOnly = true)
    public List<SpotCheck> of(AssistanceCase c) {
        return checks.findByCaseIdOrderById(c.id());
    }

    private SpotCheckTally lockTally(String scope) {
        return tallies.lock(scope).orElseGet(() -> {
            // First case of the scope: create the row in its own transaction; a concurrent twin may win.
            try {
                newTransaction.executeWithoutResult(status -> tallies.saveAndFlush(new SpotCheckTally(scope)));
            } catch (DataIntegrityViolationException e) {
                // Created by the other one; fine.
            }
            return tallies.lock(scope).orElseThrow();
        });
    }
}
