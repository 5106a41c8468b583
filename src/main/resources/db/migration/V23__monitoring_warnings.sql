-- Doudi schema, part 23: comparison runs (比对), warnings (预警) and the watch list (潜在救助对象) of the monitoring
-- (module monitoring, docs/monitoring.md). Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.

-- The county's monitoring numbers, each row in force from its month (like county_policy). A county without a row
-- uses the defaults of doudi.monitoring.defaults (application.yaml).
--   income_multiple:      a roster's per-capita income under this multiple of the 低保标准 is a warning fact;
--   medical_threshold:    out-of-pocket medical costs (元) in the last 12 months above which a warning is raised;
--   min_rosters:          in this many assistance rosters at once;
--   watch_refusal_multiple: a refused applicant whose assessed per-capita income was under this multiple of the
--                         standard goes on the watch list;
--   watch_recheck_months: how often a person on the watch list is checked again.
create table monitoring_policy (
    county_code            varchar(6)    not null,
    effective_from         date          not null,
    income_multiple        decimal(4,2)  not null,
    medical_threshold      decimal(12,2) not null,
    min_rosters            int           not null,
    watch_refusal_multiple decimal(4,2)  not null,
    watch_recheck_months   int           not null,
    created_at             datetime(6)   not null,
    created_by             varchar(64)   not null,
    constraint pk_monitoring_policy primary key (county_code, effective_from),
    constraint fk_monitoring_policy_county foreign key (county_code) references region (code),
    constraint ck_monitoring_policy_first check (extract(day from effective_from) = 1),
    constraint ck_monitoring_policy_values check (income_multiple > 0 and medical_threshold >= 0
        and min_rosters >= 2 and watch_refusal_multiple > 0 and watch_recheck_months between 1 and 24)
);

-- One row per comparison run over a region (a county or a township). status: RUNNING, DONE, FAILED.
-- running_county: the run's county while it runs (null after): one run per county at a time, so that two runs
-- never raise the same warning twice.
create table monitoring_run (
    id              bigint auto_increment primary key,
    region_code     varchar(12)  not null,
    status          varchar(10)  not null,
    run_trigger     varchar(10)  not null,
    started_by      varchar(64)  not null,
    started_at      datetime(6)  not null,
    finished_at     datetime(6),
    compared        int,
    warnings_raised int,
    rules_version   varchar(60),
    message         varchar(500),
    running_county  varchar(6),
    constraint uq_monitoring_run_running unique (running_county)
);
create index ix_monitoring_run_region on monitoring_run (region_code, started_at);

-- A run's people with at least one warning fact: what the rosters and Doudi's own records say of each, and the
-- facts as the bits the warning rules (MonitoringRules.dmn) read (profile). Rows live while their run runs.
create table monitoring_fact (
    run_id          bigint        not null,
    id_number       varchar(18)   not null,
    name            varchar(50)   not null,
    village_code    varchar(12)   not null,
    township_code   varchar(9)    not null,
    county_code     varchar(6)    not null,
    profile         int           not null,
    facts           varchar(200)  not null,
    constraint pk_monitoring_fact primary key (run_id, id_number)
);
create index ix_monitoring_fact_profile on monitoring_fact (run_id, profile);

-- A warning: a person, the rule that flagged him and why, the facts it saw (facts: the same text for the same
-- facts, so that a dismissed warning returns only when they change), where it is in triage.
-- status: NEW, WATCHING, CHECKING (a field check runs), DISMISSED, RESOLVED.
-- open_rule: the rule while the warning is NEW, WATCHING or CHECKING, null otherwise: the database refuses a second
-- open warning of the same person and rule.
create table monitoring_warning (
    id              bigint auto_increment primary key,
    rule            varchar(40)   not null,
    kind            varchar(20)   not null,
    level           varchar(10)   not null,
    reason          varchar(300)  not null,
    status          varchar(10)   not null,
    id_number       varchar(18)   not null,
    name            varchar(50)   not null,
    village_code    varchar(12)   not null,
    township_code   varchar(9)    not null,
    county_code     varchar(6)    not null,
    facts           varchar(200)  not null,
    open_rule       varchar(40),
    run_id          bigint,
    raised_at       datetime(6)   not null,
    triaged_by      varchar(64),
    triaged_at      datetime(6),
    note            varchar(500),
    field_check     varchar(40),
    version         bigint        default 0 not null,
    constraint uq_monitoring_warning_open unique (id_number, open_rule)
);
create index ix_monitoring_warning_township on monitoring_warning (township_code, status, id);
create index ix_monitoring_warning_county on monitoring_warning (county_code, status, id);
create index ix_monitoring_warning_person on monitoring_warning (id_number, rule);
create index ix_monitoring_warning_run on monitoring_warning (run_id);

-- The watch list (潜在救助对象): people in difficulty who do not (yet) qualify, checked again every few months.
-- source: REFUSAL (a refused applicant close to the line), WARNING (a watched warning), HOTLINE (a report).
-- source_ref: the case number, warning id or report number. status: ACTIVE, ENDED.
-- active_person: the resident ID while ACTIVE (null after): one active entry per person.
create table watch_entry (
    id              bigint auto_increment primary key,
    id_number       varchar(18)   not null,
    name            varchar(50)   not null,
    village_code    varchar(12)   not null,
    township_code   varchar(9)    not null,
    county_code     varchar(6)    not null,
    source          varchar(10)   not null,
    source_ref      varchar(40)   not null,
    reason          varchar(300)  not null,
    status          varchar(10)   not null,
    added_at        datetime(6)   not null,
    added_by        varchar(64)   not null,
    next_check      date          not null,
    ended_at        datetime(6),
    ended_by        varchar(64),
    end_note        varchar(500),
    active_person   varchar(18),
    constraint uq_watch_entry_active unique (active_person)
);
create index ix_watch_entry_township on watch_entry (township_code, status, next_check);
create index ix_watch_entry_county on watch_entry (county_code, status, next_check);
create index ix_watch_entry_due on watch_entry (status, next_check);
