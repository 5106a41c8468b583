-- Doudi schema, part 11: time limits from the right event, calendars that stay corrected, regional
-- holidays. Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.

-- A schedule belongs to a region: 'CN' for the national one (国务院办公厅), or a province's two-digit code
-- for its own days off (e.g. '45' 广西 壮族三月三). A county's calendar is the national one plus its province's.
-- Its publication date and revision decide whether a shipped or dropped-in file is newer than what is held.
alter table calendar_year add column region varchar(2) default 'CN' not null;
alter table calendar_year add column published date;
alter table calendar_year add column revision int default 0 not null;
alter table calendar_year drop constraint uq_calendar_year_version;
alter table calendar_year add constraint uq_calendar_region_year_version unique (region, cal_year, version);

-- The open-task read model remembers how its due date was computed (the step of doudi.time-limits and the
-- day it counts from), so that a new calendar can move it; and when a task whose limit is on starting it
-- (the home investigation) was started.
alter table open_task add column step varchar(40);
alter table open_task add column anchor_day date;
alter table open_task add column started_at datetime(6);

-- The whole procedure runs to its longer limit (45 working days for 低保) once extended, with the reason:
-- an objection during the public notice, or another special circumstance the township recorded.
alter table assistance_case add column procedure_extended_reason varchar(300);
-- When the household investigation started (入户调查开始: the home-visit task claimed or a visit date recorded).
alter table assistance_case add column investigation_started_at datetime(6);
