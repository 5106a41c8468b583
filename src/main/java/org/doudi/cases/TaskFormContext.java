package org.doudi.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The user task being created and its case, for the {@link TaskFormContributor}s. */
public final class TaskFormContext {

    private final AssistanceCase caseFile;
    private final String processKey;
    private final String taskKey;
    private final String processInstanceId;
    private final Supplier<List<CaseDecision>> loadDecisions;
    private List<CaseDecision> decisions;

    public TaskFormContext(AssistanceCase caseFile, String processKey, String taskKey, String processInstanceId,
            Supplier<List<CaseDecision>> decisions) {
        this.caseFile = caseFile;
        this.processKey = processKey;
        this.taskKey = taskKey;
        this.processInstanceId = processInstanceId;
        this.loadDecisions = decisions;
    }

    /** The case, with its household. */
    public AssistanceCase caseFile() {
        return caseFile;
    }

    /** The key of the process the task belongs to (its own, not the root's). */
    public String processKey() {
        return processKey;
    }

    public String taskKey() {
        return taskKey;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    /** The case's decisions, oldest first; read once for all contributors. */
    public List<CaseDecision> decisions() {
        if (decisions == null) {
            decisions = loadDecisions.get();
        }
        return decisions;
    }

    /** The latest decision among the given stages. */
    public Optional<CaseDecision> latest(DecisionStage... stages) {
        Set<DecisionStage> wanted = Set.copyOf(Arrays.asList(stages));
        List<CaseDecision> all = decisions();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (wanted.contains(all.get(i).stage())) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }
}
