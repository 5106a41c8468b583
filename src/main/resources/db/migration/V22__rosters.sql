-- Doudi schema, part 22: rosters (名单) of other departments, uploaded as batches for the monitoring's comparisons
-- (module monitoring, docs/rosters.md). Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.

-- One row per upload. batch: the uploader's name for it, unique: the same batch again answers what the first upload
-- answered and loads nothing (a re-sent file is not loaded twice). status: LOADED, WITHDRAWN.
create table roster_batch (
    id              bigint auto_increment primary key,
    batch           varchar(64)  not null,
    source          varchar(30)  not null,
    file_name       varchar(200),
    county_code     varchar(6),
    row_count       int          not null,
    imported        int          not null,
    rejected        int          not null,
    status          varchar(12)  not null,
    uploaded_by     varchar(64)  not null,
    uploaded_at     datetime(6)  not null,
    withdrawn_by    varchar(64),
    withdrawn_at    datetime(6),
    constraint uq_roster_batch unique (batch)
);

-- The valid rows: a person as the roster names him, the resident ID in its normalised 18-character form (15-digit
-- legacy numbers converted, x upper-cased), his registered village and what the roster says of him.
create table roster_person (
    id                  bigint auto_increment primary key,
    batch_id            bigint        not null,
    line                int           not null,
    id_number           varchar(18)   not null,
    name                varchar(50)   not null,
    village_code        varchar(12)   not null,
    township_code       varchar(9)    not null,
    county_code         varchar(6)    not null,
    category            varchar(40),
    amount              decimal(14,2),
    disability_grade    int,
    disability_category varchar(20),
    serious_illness     boolean,
    per_capita_income   decimal(12,2),
    event_date          date,
    note                varchar(500),
    constraint fk_roster_person_batch foreign key (batch_id) references roster_batch (id)
);
create index ix_roster_person_batch on roster_person (batch_id, line);
create index ix_roster_person_id_number on roster_person (id_number, batch_id);
create index ix_roster_person_county on roster_person (county_code);

-- The rows refused, each with its line (the header is line 1), the field and why, in Chinese.
create table roster_rejection (
    id       bigint auto_increment primary key,
    batch_id bigint       not null,
    line     int          not null,
    field    varchar(40)  not null,
    message  varchar(300) not null,
    constraint fk_roster_rejection_batch foreign key (batch_id) references roster_batch (id)
);
create index ix_roster_rejection_batch on roster_rejection (batch_id, line);
