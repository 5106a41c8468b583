-- Indexes on Camunda's tables that Doudi's scale needs (docs/scale.md, "Engine: inboxes, jobs, indexes").
-- Run by org.doudi.engine.EngineIndexes after the engine has created its tables (history: doudi_engine_schema_history).

-- Overdue lists and Tasklist filters sorted or bounded by due date.
CREATE INDEX DOUDI_IDX_TASK_DUE_DATE ON ACT_RU_TASK (DUE_DATE_);
-- Job acquisition: RETRIES_ > 0 and DUEDATE_ <= now (or null), ordered by DUEDATE_ (jobExecutorAcquireByDueDate).
CREATE INDEX DOUDI_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_);
-- Tasks and instances by a variable's value (taskVariables=applicantName_eq_…).
CREATE INDEX DOUDI_IDX_VAR_NAME_TEXT ON ACT_RU_VARIABLE (NAME_, TEXT_(100));
-- Inboxes: a group's candidate links, read from the index alone.
CREATE INDEX DOUDI_IDX_IDENT_LNK_GROUP_TASK ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);
