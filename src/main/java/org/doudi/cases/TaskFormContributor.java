package org.doudi.cases;

import java.util.Map;

/**
 * Puts what a feature records about a case onto each user task as it is created, as task-local
 * variables: what the forms display ({@code {{caseSummary}}}, {@code {{assessmentSummary}}} …) and what
 * Tasklist lists. Read from Doudi's tables, never from process variables, which anyone completing a
 * task can overwrite; a task's own copy shadows them in Tasklist and in the forms. One bean per
 * feature, called by {@code cases.process.TaskPreparation} for every user task of every model.
 */
public interface TaskFormContributor {

    /**
     * Adds entries under the names the forms use. Put {@code null} for a name the feature owns but has
     * nothing for yet, so that a process variable of that name never shows through.
     */
    void contribute(TaskFormContext task, Map<String, Object> variables);
}
