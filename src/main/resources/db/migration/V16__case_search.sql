-- Doudi schema, part 16: the case search read model (GET /api/cases?q=...), one row per case and one per
-- person of its household. Filled in the transaction of the intake and of every status change; cases that
-- existed before are filled at start-up (a keyed hash cannot be computed here: its key is not in the database).
-- A resident ID is never stored in clear: only its HMAC-SHA256 under the search key (id_hmac, hex) and the
-- masked form shown in answers. key_id names the key the row's hashes were made with, so that a new key
-- re-indexes the rows of the old one at the next start.
-- Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.
create table case_search_entry (
    case_id            bigint      not null primary key,
    case_number        varchar(40) not null,
    programme          varchar(10) not null,
    status             varchar(20) not null,
    county_code        varchar(6)  not null,
    township_code      varchar(9)  not null,
    village_code       varchar(12) not null,
    applicant_name     varchar(50) not null,
    applicant_id_masked varchar(18) not null,
    submitted_at       datetime(6) not null,
    key_id             varchar(16) not null,
    constraint uq_search_case_number unique (case_number),
    constraint fk_search_case foreign key (case_id) references assistance_case (id)
);
-- A region's cases, newest first: in the order of registration (case_id, which InnoDB appends to every
-- secondary index, so that each of these is also ordered by it), with or without a status filter.
create index ix_search_county on case_search_entry (county_code);
create index ix_search_township on case_search_entry (township_code);
create index ix_search_village on case_search_entry (village_code);
create index ix_search_county_status on case_search_entry (county_code, status, programme);
create index ix_search_township_status on case_search_entry (township_code, status, programme);
-- An administrator's list by status across the province.
create index ix_search_status on case_search_entry (status, programme);

-- Every person of the case's household, the applicant at position 0: found by the keyed hash of the ID
-- number or by name (exact or prefix). The case's county and township are repeated here, so that a name
-- search within a region reads only that region's matching names from the index, not the whole province's.
create table case_search_person (
    case_id       bigint      not null,
    position      int         not null,
    name          varchar(50) not null,
    id_hmac       varchar(64) not null,
    county_code   varchar(6)  not null,
    township_code varchar(9)  not null,
    constraint pk_search_person primary key (case_id, position),
    constraint fk_search_person_entry foreign key (case_id) references case_search_entry (case_id)
);
create index ix_search_person_hmac on case_search_person (id_hmac);
create index ix_search_person_name on case_search_person (name);
create index ix_search_person_county_name on case_search_person (county_code, name);
create index ix_search_person_township_name on case_search_person (township_code, name);
