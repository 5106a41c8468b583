-- Doudi schema, part 27: the quarterly progress report (兜底脱贫行动实施情况; module reports, docs/reports.md) as kept
-- when it was generated, so that a later correction does not rewrite what was reported. Portable SQL for H2 2.x and
-- MySQL 8 / MariaDB 10.6+.

-- One report of a region (a county or a township) and quarter (period: yyyy-Qn).
create table progress_report (
    id           bigint auto_increment primary key,
    region_code  varchar(12)  not null,
    period       varchar(7)   not null,
    generated_at datetime(6)  not null,
    generated_by varchar(64)  not null,
    constraint uq_progress_report unique (region_code, period)
);

-- Its figures: one value per row (a township, or TOTAL, DEEP_POVERTY, OTHER) and metric (ProgressMetric).
create table progress_report_value (
    report_id    bigint        not null,
    row_code     varchar(12)   not null,
    row_name     varchar(100)  not null,
    deep_poverty varchar(16),
    metric       varchar(40)   not null,
    amount       decimal(16,2) not null,
    constraint pk_progress_report_value primary key (report_id, row_code, metric),
    constraint fk_progress_report_value foreign key (report_id) references progress_report (id)
);

-- Applications started by a field check are found from their case number.
create index ix_field_check_result on field_check (result_ref);
