package org.doudi.verification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.TimelineStep;
import org.doudi.security.Actors;
import org.doudi.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 信息核对: asks every {@link VerificationSource} about every member of the household and keeps what they
 * find for the home visit. Run again (after a retry), it replaces the earlier findings.
 */
@Service
public class DataVerification {

    private static final Logger log = LoggerFactory.getLogger(DataVerification.class);

    private final List<VerificationSource> sources;
    private final CaseRepository cases;
    private final VerificationFindingRepository findings;
    private final CaseRecords records;
    private final Clock clock;

    DataVerification(List<VerificationSource> sources, CaseRepository cases, VerificationFindingRepository findings,
            CaseRecords records, Clock clock) {
        this.sources = sources;
        this.cases = cases;
        this.findings = findings;
        this.records = records;
        this.clock = clock;
    }

    /** The outcome, with a summary in Chinese for the home-visit form. */
    public record Result(int findingCount, String summary) {
    }

    @Transactional
    public Result verify(String caseNumber) {
        AssistanceCase c = cases.requireWithHousehold(caseNumber);
        findings.deleteByCaseId(c.id());
        List<VerificationFinding> found = new ArrayList<>();
        for (VerificationSource source : sources) {
            for (VerificationSource.Finding f : source.check(c.household().members())) {
                found.add(findings.save(new VerificationFinding(c.id(), source.name(), f, clock.instant())));
            }
        }
        String summary = summarise(found);
        records.step(c, TimelineStep.DATA_VERIFICATION, Actors.SYSTEM,
                found.isEmpty() ? "nothing found" : found.size() + " findings", summary);
        log.info("case {}: data verification found {} records", caseNumber, found.size());
        return new Result(found.size(), summary);
    }

    @Transactional(readOnly = true)
    public List<VerificationFinding> findingsOf(AssistanceCase c) {
        return findings.findByCaseIdOrderById(c.id());
    }

    static String summarise(List<VerificationFinding> found) {
        if (found.isEmpty()) {
            return "信息核对未发现登记记录。";
        }
        StringBuilder s = new StringBuilder("信息核对发现以下记录，请入户调查时核实：");
        for (VerificationFinding f : found) {
            s.append("\n· ").append(f.memberName()).append("：").append(f.category().label()).append(" — ")
                    .append(f.description());
            if (f.amount() != null) {
                s.append("（").append(Money.format(f.amount())).append("）");
            }
        }
        // Two spaces before a line break: a hard line break in the forms' Markdown text.
        return s.toString().replace("\n", "  \n");
    }
}
