-- Doudi schema, part 21: periodic review (复核) of enrolments, its campaigns (回头看), and the periods of gradual
-- exit and suspension that the payment rolls read month by month (docs/reviews.md).
-- Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.

-- A review is a case of its own (FH-<year>-<township>-<6>), so that the data verification and the home visit of
-- IncomeVerification, the time limits, the supervision and the search carry it as they carry applications.
-- review_of: the enrolment number it reviews; review_trigger: SCHEDULED, CHANGE, CAMPAIGN, MONITORING.
alter table assistance_case add column review_of varchar(40);
alter table assistance_case add column review_trigger varchar(12);

-- One row per review: what started it, the township's opinion, the decision and what it did to the enrolment.
-- open_enrolment_id is the enrolment's id while the review is undecided, null after: the database keeps one
-- open review per enrolment, however many starts arrive at once (a schedule, a change report, a campaign).
-- outcome: continue, adjust, phase-out, suspend, stop.
create table periodic_review (
    id                bigint auto_increment primary key,
    case_id           bigint        not null,
    case_number       varchar(40)   not null,
    enrolment_id      bigint        not null,
    enrolment_number  varchar(40)   not null,
    township_code     varchar(9)    not null,
    county_code       varchar(6)    not null,
    trigger_kind      varchar(12)   not null,
    -- A reported change (POST /api/enrolments/{n}/changes): INCOME_CHANGE, MEMBER_CHANGE, DEATH, MOVED_AWAY, OTHER.
    change_kind       varchar(20),
    change_text       varchar(1000),
    campaign_id       bigint,
    started_at        datetime(6)   not null,
    started_by        varchar(64)   not null,
    open_enrolment_id bigint,
    opinion           varchar(12),
    opinion_reasons   varchar(1000),
    opinion_by        varchar(64),
    opinion_at        datetime(6),
    outcome           varchar(12),
    outcome_reasons   varchar(1000),
    -- A stop: its reason (enrolment.EndReason), the month the unreported change happened, and what was paid for
    -- the months after it (to recover).
    stop_reason       varchar(30),
    change_month      varchar(7),
    overpaid          decimal(12,2),
    -- What the outcome changes, from which month (adjust: the new amount; phase-out: the last month paid).
    effective_month   varchar(7),
    new_amount        decimal(12,2),
    decided_at        datetime(6),
    decided_by        varchar(64),
    -- The written notice (复核决定通知), recorded when the decision is carried out.
    notice_at         datetime(6),
    constraint uq_periodic_review_case unique (case_id),
    constraint uq_periodic_review_number unique (case_number),
    constraint uq_periodic_review_open unique (open_enrolment_id),
    constraint fk_periodic_review_case foreign key (case_id) references assistance_case (id),
    constraint fk_periodic_review_enrolment foreign key (enrolment_id) references enrolment (id)
);
create index ix_periodic_review_enrolment on periodic_review (enrolment_id, started_at);
create index ix_periodic_review_campaign on periodic_review (campaign_id, outcome);

-- A campaign (回头看) or a day's scheduled reviews: which enrolments were selected (set-based, one insert), and
-- which of them have their review started (review_case_number) or were passed over (skipped, why).
create table review_campaign (
    id               bigint auto_increment primary key,
    trigger_kind     varchar(12)   not null,
    -- The county or township selected; null for the scheduled reviews of all counties.
    region_code      varchar(12),
    programme        varchar(10),
    status_filter    varchar(20),
    -- HOUSEHOLD, SINGLE_PERSON, PERSON (the enrolment's unit) or STABLE, CHANGING (its review class).
    household_type   varchar(20),
    reviewed_before  date,
    note             varchar(500),
    selected         int           not null,
    created_by       varchar(64)   not null,
    created_at       datetime(6)   not null,
    started_all_at   datetime(6),
    process_instance_id varchar(64)
);

create table review_campaign_item (
    campaign_id        bigint       not null,
    enrolment_id       bigint       not null,
    review_case_number varchar(40),
    skipped            varchar(200),
    constraint pk_review_campaign_item primary key (campaign_id, enrolment_id),
    constraint fk_campaign_item_campaign foreign key (campaign_id) references review_campaign (id)
);

-- 渐退期 and 暂停发放 as periods (from_month to until_month inclusive; until_month null: open), so that a past
-- month's roll, or a supplement for it, pays what was decided for that month whatever happened since. Periods of one
-- kind of one enrolment never overlap (the enrolment closes the open one before it opens the next).
create table enrolment_period (
    id           bigint auto_increment primary key,
    enrolment_id bigint       not null,
    kind         varchar(12)  not null,
    from_month   varchar(7)   not null,
    until_month  varchar(7),
    share        decimal(5,4),
    constraint fk_enrolment_period foreign key (enrolment_id) references enrolment (id),
    constraint ck_enrolment_period_share check (share is null or (share > 0 and share <= 1))
);
create index ix_enrolment_period on enrolment_period (enrolment_id, kind, from_month);

-- Gradual exits and suspensions recorded before this version become periods: a gradual exit from the first month
-- covered (as the roll read it until now), a suspension open from its month.
insert into enrolment_period (enrolment_id, kind, from_month, until_month, share)
    select id, 'PHASE_OUT', since_month, phase_out_until, phase_out_share from enrolment where phase_out_until is not null;
insert into enrolment_period (enrolment_id, kind, from_month, until_month, share)
    select id, 'SUSPENSION', suspended_from, null, null from enrolment where suspended_from is not null;
