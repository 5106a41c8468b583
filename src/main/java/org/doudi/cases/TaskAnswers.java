package org.doudi.cases;

import java.util.List;
import java.util.Map;

/**
 * The fields that user tasks ask for, named by whoever owns them: the contract class of the process that
 * owns the task, and a feature that adds fields of its own to another process's form (the 核对授权书 on
 * acceptance, 民主评议 on the township review). {@code cases.process.TaskPreparation} collects every bean and
 * clears a task's fields when it comes round again (a second township review after an upheld objection, a
 * decision after a return), so that nobody submits the last round's answer by accident; it never shows
 * them as the task's own variables, where a Tasklist submission would land and be lost with the task.
 * Tasks are matched by their definition key in every model: processes that share a task's id share
 * its fields.
 */
public interface TaskAnswers {

    /** Task definition key → the names of the fields its form asks for. */
    Map<String, List<String>> answersByTask();
}
