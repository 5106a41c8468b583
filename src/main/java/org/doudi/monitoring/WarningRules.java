package org.doudi.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The warning rules a designer edits: the decision table {@code MonitoringRules} (processes/MonitoringRules.dmn, hit
 * policy COLLECT) over the {@link Fact}s of a person. A run asks it once per distinct profile, not once per person:
 * a county's hundreds of thousands of people fall into a few hundred profiles at most.
 */
@Component
class WarningRules {

    static final String DECISION = "MonitoringRules";
    static final Set<String> KINDS = Set.of("MISSED", "WRONG_ENROLMENT");
    static final Set<String> LEVELS = Set.of("RED", "ORANGE", "YELLOW");

    private final DecisionService decisions;
    private final RepositoryService repository;

    WarningRules(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    /** What a rule row answered: the warning's rule, kind, level and reason. */
    record Hit(String rule, String kind, String level, String reason) {
    }

    /** The version of the table in force, for the run's record ({@code MonitoringRules:3}). */
    String version() {
        DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .latestVersion().singleResult();
        return d == null ? DECISION + ":?" : DECISION + ":" + d.getVersion();
    }

    /**
     * The warnings of each profile: one per rule (where several rows name the same rule, the first row's reason and
     * the highest level).
     */
    Map<Integer, List<Hit>> evaluate(Iterable<Integer> profiles) {
        Map<Integer, List<Hit>> answer = new LinkedHashMap<>();
        for (int profile : profiles) {
            answer.put(profile, evaluate(profile));
        }
        return answer;
    }

    List<Hit> evaluate(int profile) {
        VariableMap vars = Variables.createVariables();
        for (Fact f : Fact.values()) {
            vars.putValue(f.variable(), f.in(profile));
        }
        DmnDecisionResult result = decisions.evaluateDecisionByKey(DECISION).variables(vars).evaluate();
        Map<String, Hit> byRule = new LinkedHashMap<>();
        result.getResultList().forEach(row -> {
            Hit hit = new Hit(text(row.get("rule")), text(row.get("kind")), text(row.get("level")),
                    text(row.get("reason")));
            if (hit.rule() == null || !hit.rule().matches("[A-Z][A-Z0-9_]{1,39}") || !KINDS.contains(hit.kind())
                    || !LEVELS.contains(hit.level()) || hit.reason() == null || hit.reason().length() > 300) {
                throw new IllegalStateException("MonitoringRules answered a row the monitoring cannot use: " + row
                        + " (rule: A–Z, 0–9, _ up to 40; kind: " + KINDS + "; level: " + LEVELS
                        + "; reason up to 300 characters)");
            }
            byRule.merge(hit.rule(), hit, (first, next) -> rank(next.level()) > rank(first.level())
                    ? new Hit(first.rule(), first.kind(), next.level(), first.reason()) : first);
        });
        return new ArrayList<>(byRule.values());
    }

    static int rank(String level) {
        return switch (level) {
            case "RED" -> 3;
            case "ORANGE" -> 2;
            default -> 1;
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().strip();
    }
}
