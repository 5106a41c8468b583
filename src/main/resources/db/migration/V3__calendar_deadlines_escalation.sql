-- Doudi schema, part 3: the working-day calendar, the open-task read model, escalations and
-- notifications. Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.

-- Official holiday schedules (节假日安排), one row per loaded version of a year; the newest counts.
create table calendar_year (
    id        bigint auto_increment primary key,
    cal_year  int           not null,
    version   int           not null,
    content   varchar(8000) not null,
    source    varchar(500)  not null,
    loaded_by varchar(64)   not null,
    loaded_at datetime(6)   not null,
    constraint uq_calendar_year_version unique (cal_year, version)
);

-- Every open user task of a case, kept by task listeners: what supervisors and metrics read.
create table open_task (
    task_id          varchar(64)  not null primary key,
    case_id          bigint       not null,
    case_number      varchar(40)  not null,
    process_key      varchar(64)  not null,
    task_key         varchar(64)  not null,
    task_name        varchar(200),
    candidate_group  varchar(64),
    village_code     varchar(12)  not null,
    township_code    varchar(9)   not null,
    county_code      varchar(6)   not null,
    created_at       datetime(6)  not null,
    due_at           datetime(6),
    escalation_level int          not null,
    constraint fk_open_task_case foreign key (case_id) references assistance_case (id)
);
create index ix_open_task_township_due on open_task (township_code, due_at);
create index ix_open_task_county_due on open_task (county_code, due_at);
create index ix_open_task_due on open_task (due_at);

-- Escalations (督办): at most one per task and level, and one per case for the whole procedure.
create table escalation (
    id          bigint auto_increment primary key,
    case_id     bigint       not null,
    task_id     varchar(64)  not null,
    task_key    varchar(64),
    level       varchar(20)  not null,
    group_id    varchar(64)  not null,
    due_at      datetime(6),
    fired_at    datetime(6)  not null,
    constraint uq_escalation unique (task_id, level),
    constraint fk_escalation_case foreign key (case_id) references assistance_case (id)
);
create index ix_escalation_case on escalation (case_id);

-- Notifications for a group (supervisors), recorded when work runs late.
create table notification (
    id          bigint auto_increment primary key,
    group_id    varchar(64)   not null,
    case_id     bigint        not null,
    task_id     varchar(64),
    kind        varchar(30)   not null,
    message     varchar(1000) not null,
    created_at  datetime(6)   not null,
    read_at     datetime(6),
    constraint fk_notification_case foreign key (case_id) references assistance_case (id)
);
create index ix_notification_group on notification (group_id, created_at);
