-- Doudi schema, part 13: 民主评议 (democratic appraisal) recorded for a case, and whether a county requires
-- one before the township's favourable opinion. Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.

-- Every policy version carries the choice; the versions that exist do not require one.
alter table county_policy add column appraisal_required boolean default false not null;

-- One row per appraisal the township held: when, who took part, the result, and on which task or call it
-- was recorded (TOWNSHIP_REVIEW, OBJECTION or API).
create table democratic_appraisal (
    id                bigint auto_increment primary key,
    case_id           bigint        not null,
    held_on           date          not null,
    participants      varchar(2000) not null,
    participant_count int,
    result            varchar(10)   not null,
    notes             varchar(2000),
    recorded_at       datetime(6)   not null,
    recorded_by       varchar(64)   not null,
    recorded_with     varchar(20)   not null,
    constraint fk_appraisal_case foreign key (case_id) references assistance_case (id)
);
create index ix_appraisal_case on democratic_appraisal (case_id, recorded_at);
