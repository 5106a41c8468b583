-- Doudi schema, part 14: the applicant's safeguards in the 低保/特困 procedure (2021 审核确认办法):
-- near relatives of township caseworkers and village officials registered separately (近亲属备案),
-- every adult member's signed authorisation for data verification (核对授权书), and the applicant's
-- objection to an ineligible verification result. Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.

-- The staff-relation roster a county maintains: who is a near relative of which township caseworker or
-- village official. Replaced as a whole by the county's upload.
create table staff_relation_roster (
    id                 bigint auto_increment primary key,
    county_code        varchar(6)   not null,
    staff_name         varchar(50)  not null,
    staff_post         varchar(100) not null,
    region_code        varchar(12)  not null,
    relative_id_number varchar(18)  not null,
    relative_name      varchar(50)  not null,
    relation           varchar(20)  not null,
    uploaded_at        datetime(6)  not null,
    uploaded_by        varchar(64)  not null
);
create index ix_staff_relation_county on staff_relation_roster (county_code);
create index ix_staff_relation_relative on staff_relation_roster (relative_id_number);

-- A case registered separately: it is visited by the county. The flag routes the home visit; the marks
-- say who is related to whom, and whether declared at intake or found in the roster.
alter table assistance_case add column near_relative boolean default false not null;
create index ix_case_near_relative on assistance_case (near_relative, county_code);

create table near_relative_mark (
    id               bigint auto_increment primary key,
    case_id          bigint       not null,
    member_name      varchar(50)  not null,
    member_id_number varchar(18)  not null,
    relation         varchar(20)  not null,
    staff_name       varchar(50)  not null,
    staff_post       varchar(100),
    source           varchar(10)  not null,
    marked_at        datetime(6)  not null,
    marked_by        varchar(64)  not null,
    constraint fk_near_relative_case foreign key (case_id) references assistance_case (id)
);
create index ix_near_relative_case on near_relative_mark (case_id);

-- 核对授权书: one per adult member of the case's household, when it was recorded, by whom, and the
-- reference of the signed paper (scan number, archive number) where the caseworker gave one.
create table verification_authorisation (
    id          bigint auto_increment primary key,
    case_id     bigint       not null,
    member_id   bigint       not null,
    member_name varchar(50)  not null,
    recorded_at datetime(6)  not null,
    recorded_by varchar(64)  not null,
    reference   varchar(200),
    constraint uq_authorisation_member unique (case_id, member_id),
    constraint fk_authorisation_case foreign key (case_id) references assistance_case (id),
    constraint fk_authorisation_member foreign key (member_id) references household_member (id)
);

-- An ineligible verification result told to the applicant, the period he may object in, and his
-- objection (with its evidence) when he raised one.
create table verification_result_notice (
    id                 bigint auto_increment primary key,
    case_id            bigint        not null,
    told_at            datetime(6)   not null,
    period_ends_at     datetime(6)   not null,
    objection_text     varchar(2000),
    objection_evidence varchar(2000),
    objected_at        datetime(6),
    objected_by        varchar(64),
    constraint fk_result_notice_case foreign key (case_id) references assistance_case (id)
);
create index ix_result_notice_case on verification_result_notice (case_id);
