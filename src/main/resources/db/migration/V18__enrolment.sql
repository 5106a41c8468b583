-- After approval: the enrolled household (保障对象) as a living record of its own (module enrolment).
-- Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.

-- What a carried-out approval granted stays with the case, written once (cases.ApprovedBenefit); the name
-- `enrolment` goes to the living record below.
alter table enrolment rename to case_benefit;

-- One enrolment per approved 低保 / 特困 case: who is covered, what it pays from which month, where it stands.
-- status: ACTIVE, UNDER_REVIEW, PHASING_OUT, SUSPENDED, ENDED (EnrolmentStatus). Months are yyyy-MM.
create table enrolment (
    id                     bigint auto_increment primary key,
    -- BZ-<year>-<township>-<6 digits>, assigned from the id right after the insert (like case numbers).
    enrolment_number       varchar(40),
    programme              varchar(10)   not null,
    -- HOUSEHOLD, SINGLE_PERSON (单人户: the covered members only), PERSON (特困).
    unit                   varchar(20)   not null,
    status                 varchar(20)   not null,
    case_id                bigint        not null,
    household_id           bigint        not null,
    village_code           varchar(12)   not null,
    township_code          varchar(9)    not null,
    county_code            varchar(6)    not null,
    -- Who is paid (the applicant) and where to (a reference to the account the bank holds; null until given).
    payee_name             varchar(50)   not null,
    payee_id_number        varchar(18)   not null,
    bank_account_ref       varchar(40),
    household_size         int           not null,
    covered_people         int           not null,
    -- The first day covered and its month: the first of the month after the approval, or, where the county
    -- pays the approval's own month in proportion to its days (prorate_first_month), the day after it.
    since_date             date          not null,
    since_month            varchar(7)    not null,
    -- 复核: stable households yearly, the others every six months (county policy); the next review is due on
    -- next_review_due. STABLE or CHANGING, as classified at the last decision.
    review_class           varchar(10)   not null,
    next_review_due        date          not null,
    last_reviewed_on       date,
    -- 渐退期: paid at phase_out_share of the amount up to and including phase_out_until, then ended.
    phase_out_until        varchar(7),
    phase_out_share        decimal(5,4),
    -- Suspension (暂停) from this month on, until resumed.
    suspended_from         varchar(7),
    -- The end: the last month paid, why (DEATH, MOVED_AWAY, INCOME_ABOVE_LINE, REFUSES_VERIFICATION, FRAUD,
    -- PHASE_OUT_ENDED …), when, by whom, and for fraud or an unreported change what was overpaid since
    -- change_month (to recover).
    last_paid_month        varchar(7),
    end_reason             varchar(30),
    ended_at               datetime(6),
    ended_by               varchar(64),
    change_month           varchar(7),
    overpaid               decimal(12,2),
    created_at             datetime(6)   not null,
    version                bigint        not null,
    constraint uq_enrolment_number unique (enrolment_number),
    constraint uq_enrolment_source_case unique (case_id),
    constraint fk_enrolment_source_case foreign key (case_id) references assistance_case (id),
    constraint fk_enrolment_household foreign key (household_id) references household (id),
    constraint ck_enrolment_phase_out_share check (phase_out_share is null or (phase_out_share > 0 and phase_out_share <= 1))
);
create index ix_enrolment_county_status on enrolment (county_code, status);
create index ix_enrolment_township_status on enrolment (township_code, status);
create index ix_enrolment_review_due on enrolment (status, next_review_due);

-- The household's members as enrolled; covered: counted in the amount (for 单人户 only that member).
create table enrolment_member (
    id                  bigint auto_increment primary key,
    enrolment_id        bigint      not null,
    position            int         not null,
    name                varchar(50) not null,
    id_number           varchar(18) not null,
    relation            varchar(20) not null,
    birth_date          date        not null,
    gender              varchar(6)  not null,
    covered             boolean     not null,
    disability_grade    int,
    disability_category varchar(20),
    serious_illness     boolean     not null,
    able_to_work        boolean     not null,
    constraint uq_enrolment_member unique (enrolment_id, position),
    constraint fk_enrolment_member foreign key (enrolment_id) references enrolment (id)
);
create index ix_enrolment_member_id_number on enrolment_member (id_number);

-- One row per covered person and programme while the enrolment has not ended: the database refuses a
-- second enrolment of the same person in the same programme, however many approvals arrive at once.
create table enrolment_coverage (
    id_number    varchar(18) not null,
    programme    varchar(10) not null,
    enrolment_id bigint      not null,
    constraint pk_enrolment_coverage primary key (id_number, programme),
    constraint fk_coverage_enrolment foreign key (enrolment_id) references enrolment (id)
);
create index ix_coverage_enrolment on enrolment_coverage (enrolment_id);

-- The monthly amount and its history: each row is in force from from_month until the next row's month.
-- reason: ENROLMENT, ADJUSTMENT, PHASE_OUT, RESUMED …; amount = the sum of its lines, to the fen.
create table enrolment_amount (
    id           bigint auto_increment primary key,
    enrolment_id bigint        not null,
    from_month   varchar(7)    not null,
    amount       decimal(12,2) not null,
    reason       varchar(20)   not null,
    note         varchar(500),
    decided_by   varchar(64)   not null,
    decided_at   datetime(6)   not null,
    constraint uq_enrolment_amount_month unique (enrolment_id, from_month),
    constraint fk_enrolment_amount foreign key (enrolment_id) references enrolment (id),
    constraint ck_enrolment_amount check (amount >= 0)
);

-- The lines of an amount: BASE (补差 or the 特困 standards) and the 分类施保 allowances (ELDERLY, MINOR,
-- SEVERE_DISABILITY, SERIOUS_ILLNESS), each for one member (member_position) where it is a member's.
create table enrolment_amount_line (
    id              bigint auto_increment primary key,
    amount_id       bigint        not null,
    position        int           not null,
    kind            varchar(30)   not null,
    member_position int,
    amount          decimal(12,2) not null,
    constraint uq_enrolment_amount_line unique (amount_id, position),
    constraint fk_enrolment_amount_line foreign key (amount_id) references enrolment_amount (id)
);

-- The county's numbers for enrolled households, per policy version (county_policy is versioned by month):
-- 复核 intervals in months; 渐退期 length (at most 6 months, 2022 rule) and the share paid meanwhile; whether
-- benefits start the day after the approval, its month paid in proportion to the days left (otherwise from the
-- next month, whole months); the day of the month the draft payment roll is generated.
alter table county_policy add column review_months_stable int default 12 not null;
alter table county_policy add column review_months_changing int default 6 not null;
alter table county_policy add column phase_out_months int default 6 not null;
alter table county_policy add column phase_out_share decimal(5,4) default 1 not null;
alter table county_policy add column prorate_first_month boolean default false not null;
alter table county_policy add column payment_roll_day int default 20 not null;
alter table county_policy add constraint ck_policy_phase_out check (phase_out_months between 0 and 6);
alter table county_policy add constraint ck_policy_roll_day check (payment_roll_day between 1 and 28);

-- 分类施保: extra monthly allowances per member in a category, as PERCENT of the 低保标准 or a FIXED amount in
-- 元 (null basis: none). Elderly from elderly_age; minors under 18; severely disabled: grade 1–2.
alter table county_policy add column elderly_age int default 60 not null;
alter table county_policy add column elderly_allowance_basis varchar(10);
alter table county_policy add column elderly_allowance decimal(12,2);
alter table county_policy add column minor_allowance_basis varchar(10);
alter table county_policy add column minor_allowance decimal(12,2);
alter table county_policy add column severe_disability_allowance_basis varchar(10);
alter table county_policy add column severe_disability_allowance decimal(12,2);
alter table county_policy add column serious_illness_allowance_basis varchar(10);
alter table county_policy add column serious_illness_allowance decimal(12,2);
