-- Doudi schema, part 26: reports to the social assistance hotline (社会救助热线; module monitoring,
-- docs/monitoring.md). Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.

-- A report taken by phone, letter, online or in person, about a person or household: missed (→ a field check),
-- wrongly enrolled (→ the enrolment's review), staff conduct or anything else (→ the county handles it and answers
-- the reporter, HotlineComplaint.bpmn). report_number: RX-<year>-<township>-<6 digits>, from the id.
-- The reporter's name and phone are shown only to the county that handles the report.
-- status: ROUTED (a field check or review took it over), OPEN (the county handles it), ANSWERED.
create table hotline_report (
    id                  bigint auto_increment primary key,
    report_number       varchar(40),
    channel             varchar(12)   not null,
    kind                varchar(20)   not null,
    about_name          varchar(50)   not null,
    about_id_number     varchar(18),
    village_code        varchar(12)   not null,
    township_code       varchar(9)    not null,
    county_code         varchar(6)    not null,
    text                varchar(2000) not null,
    reporter_name       varchar(50),
    reporter_phone      varchar(20),
    status              varchar(10)   not null,
    routed_to           varchar(40),
    findings            varchar(2000),
    answer              varchar(2000),
    answered_at         datetime(6),
    answered_by         varchar(64),
    process_instance_id varchar(64),
    received_at         datetime(6)   not null,
    received_by         varchar(64)   not null,
    constraint uq_hotline_report_number unique (report_number),
    constraint fk_hotline_report_village foreign key (village_code) references region (code)
);
create index ix_hotline_report_county on hotline_report (county_code, status);
create index ix_hotline_report_township on hotline_report (township_code, status);
