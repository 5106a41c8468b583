-- The supervision lists (督办: GET /api/supervision/overdue and /due-soon) filter one region column at a
-- time, chosen by the length of the code (county 6, township 9, village 12), never the three at once.
--
-- Rows of a page, most overdue first: (county_code, due_at) and (township_code, due_at) of V3 give them in
-- order (their entries end with task_id, the tie-break), without sorting; the village column gets its own.
create index ix_open_task_village_due on open_task (village_code, due_at);
-- Totals by township and step (and the whole total): read from these indexes alone, in group order, no
-- temporary table and no table rows (started_at decides whether a task started in time is late).
create index ix_open_task_county_totals on open_task (county_code, township_code, task_key, due_at, started_at);
create index ix_open_task_township_totals on open_task (township_code, task_key, due_at, started_at);
--
-- Everything a row of the lists shows is already in open_task (case number, candidate group, escalation
-- level, kept by the task listeners and the escalations): there is nothing to denormalise or backfill.
