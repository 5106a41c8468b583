-- Doudi schema, part 1: regions, county policy, households, cases and everything recorded about them.
-- Portable SQL: runs unchanged on H2 2.x and on MySQL 8 / MariaDB 10.6+.
-- Times are UTC (datetime(6)); amounts are decimal 元 with two places.

-- Division codes (GB/T 2260 and the 12-digit statistical codes): county 6, township 9, village 12.
create table region (
    code        varchar(12)  not null primary key,
    name        varchar(100) not null,
    level       varchar(10)  not null,
    parent_code varchar(12),
    constraint fk_region_parent foreign key (parent_code) references region (code)
);
create index ix_region_parent on region (parent_code);

-- Local rules that the national rules leave to provinces, cities and counties.
create table county_policy (
    county_code          varchar(6)    not null primary key,
    dibao_standard       decimal(12,2) not null,
    tekun_basic_standard decimal(12,2) not null,
    tekun_care_self      decimal(12,2) not null,
    tekun_care_partial   decimal(12,2) not null,
    tekun_care_full      decimal(12,2) not null,
    single_person_factor decimal(4,2)  not null,
    approval_delegated   boolean       not null,
    spot_check_rate      decimal(4,2)  not null,
    constraint fk_policy_county foreign key (county_code) references region (code)
);

create table household (
    id           bigint auto_increment primary key,
    village_code varchar(12) not null,
    created_at   datetime(6) not null,
    constraint fk_household_village foreign key (village_code) references region (code)
);

create table household_member (
    id                  bigint auto_increment primary key,
    household_id        bigint      not null,
    position            int         not null,
    name                varchar(50) not null,
    id_number           varchar(18) not null,
    relation            varchar(20) not null,
    birth_date          date        not null,
    gender              varchar(6)  not null,
    disability_grade    int,
    disability_category varchar(20),
    serious_illness     boolean     not null,
    able_to_work        boolean     not null,
    constraint fk_member_household foreign key (household_id) references household (id)
);
create index ix_member_household on household_member (household_id);
create index ix_member_id_number on household_member (id_number);

create table assistance_case (
    id                  bigint auto_increment primary key,
    case_number         varchar(40),
    programme           varchar(10)   not null,
    kind                varchar(12),
    status              varchar(20)   not null,
    village_code        varchar(12)   not null,
    township_code       varchar(9)    not null,
    county_code         varchar(6)    not null,
    household_id        bigint        not null,
    applicant_name      varchar(50)   not null,
    applicant_id_number varchar(18)   not null,
    applicant_phone     varchar(20),
    reason              varchar(1000) not null,
    requested_amount    decimal(12,2),
    approval_delegated  boolean       not null,
    process_instance_id varchar(64),
    submitted_at        datetime(6)   not null,
    submitted_by        varchar(64)   not null,
    accepted_at         datetime(6),
    notice_ends_at      datetime(6),
    closed_at           datetime(6),
    version             bigint        not null,
    constraint uq_case_number unique (case_number),
    constraint fk_case_household foreign key (household_id) references household (id),
    constraint fk_case_village foreign key (village_code) references region (code)
);
create index ix_case_township_status on assistance_case (township_code, status);
create index ix_case_county_status on assistance_case (county_code, status);
create index ix_case_applicant on assistance_case (applicant_id_number);

-- One row per person and programme while a case is open: the database itself refuses a second
-- open case for the same person, however many requests arrive at once.
create table case_participant (
    id_number varchar(18) not null,
    programme varchar(10) not null,
    case_id   bigint      not null,
    constraint pk_case_participant primary key (id_number, programme),
    constraint fk_participant_case foreign key (case_id) references assistance_case (id)
);
create index ix_participant_case on case_participant (case_id);

create table timeline_entry (
    id      bigint auto_increment primary key,
    case_id bigint       not null,
    at      datetime(6)  not null,
    step    varchar(40)  not null,
    actor   varchar(64)  not null,
    outcome varchar(200) not null,
    detail  varchar(2000),
    constraint fk_timeline_case foreign key (case_id) references assistance_case (id)
);
create index ix_timeline_case on timeline_entry (case_id, at);

create table case_decision (
    id         bigint auto_increment primary key,
    case_id    bigint      not null,
    stage      varchar(20) not null,
    outcome    varchar(20) not null,
    opinion    varchar(2000),
    actor      varchar(64) not null,
    decided_at datetime(6) not null,
    constraint fk_decision_case foreign key (case_id) references assistance_case (id)
);
create index ix_decision_case on case_decision (case_id);

-- Registry records (vehicles, real estate, business registration, social insurance ...) imported
-- from other departments; read by the built-in data-verification source.
create table registry_record (
    id          bigint auto_increment primary key,
    id_number   varchar(18)   not null,
    category    varchar(30)   not null,
    description varchar(500)  not null,
    amount      decimal(14,2),
    batch       varchar(64)   not null,
    imported_at datetime(6)   not null
);
create index ix_registry_id_number on registry_record (id_number);

create table verification_finding (
    id          bigint auto_increment primary key,
    case_id     bigint       not null,
    source      varchar(40)  not null,
    category    varchar(30)  not null,
    member_name varchar(50)  not null,
    description varchar(500) not null,
    amount      decimal(14,2),
    found_at    datetime(6)  not null,
    constraint fk_finding_case foreign key (case_id) references assistance_case (id)
);
create index ix_finding_case on verification_finding (case_id);

create table home_visit (
    id                   bigint auto_increment primary key,
    case_id              bigint        not null,
    wage_income          decimal(12,2) not null,
    employment_cost      decimal(12,2) not null,
    business_income      decimal(12,2) not null,
    property_income      decimal(12,2) not null,
    transfer_income      decimal(12,2) not null,
    excluded_income      decimal(12,2) not null,
    rigid_expense        decimal(12,2) not null,
    assets_within_limit  boolean       not null,
    has_able_supporter   boolean,
    unmanaged_activities varchar(120),
    wants_centralised    boolean,
    notes                varchar(2000),
    visited_by           varchar(64)   not null,
    visited_at           datetime(6)   not null,
    constraint fk_visit_case foreign key (case_id) references assistance_case (id)
);
create index ix_visit_case on home_visit (case_id);

create table income_assessment (
    id                bigint auto_increment primary key,
    case_id           bigint        not null,
    home_visit_id     bigint        not null,
    counted_income    decimal(12,2) not null,
    excluded_income   decimal(12,2) not null,
    deductions        decimal(12,2) not null,
    household_size    int           not null,
    per_capita_income decimal(14,4) not null,
    standard          decimal(12,2) not null,
    outcome           varchar(30)   not null,
    enrolment_unit    varchar(20)   not null,
    enrolled_persons  int           not null,
    proposed_amount   decimal(12,2) not null,
    care_level        varchar(20),
    support_mode      varchar(20),
    assessed_at       datetime(6)   not null,
    constraint fk_assessment_case foreign key (case_id) references assistance_case (id),
    constraint fk_assessment_visit foreign key (home_visit_id) references home_visit (id)
);
create index ix_assessment_case on income_assessment (case_id);

create table objection (
    id          bigint auto_increment primary key,
    case_id     bigint        not null,
    text        varchar(2000) not null,
    received_at datetime(6)   not null,
    received_by varchar(64)   not null,
    upheld      boolean,
    findings    varchar(2000),
    resolved_at datetime(6),
    resolved_by varchar(64),
    constraint fk_objection_case foreign key (case_id) references assistance_case (id)
);
create index ix_objection_case on objection (case_id);

create table enrolment (
    id                  bigint auto_increment primary key,
    case_id             bigint        not null,
    programme           varchar(10)   not null,
    monthly_amount      decimal(12,2) not null,
    benefit_start_month varchar(7)    not null,
    unit                varchar(20)   not null,
    persons             int           not null,
    care_level          varchar(20),
    support_mode        varchar(20),
    enrolled_at         datetime(6)   not null,
    constraint uq_enrolment_case unique (case_id),
    constraint fk_enrolment_case foreign key (case_id) references assistance_case (id)
);

-- Spot checks (抽查): the county checks at least spot_check_rate of the cases in a scope.
create table spot_check_tally (
    scope    varchar(40) not null primary key,
    decided  bigint      not null,
    selected bigint      not null
);

create table spot_check (
    id         bigint auto_increment primary key,
    case_id    bigint       not null,
    scope      varchar(40)  not null,
    result     varchar(20),
    notes      varchar(2000),
    checked_by varchar(64),
    checked_at datetime(6),
    selected_at datetime(6) not null,
    constraint uq_spot_check_case unique (case_id, scope),
    constraint fk_spot_check_case foreign key (case_id) references assistance_case (id)
);
