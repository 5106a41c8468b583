-- Doudi schema, part 2: temporary assistance (临时救助), the township reserve funds (备用金) and
-- referrals to the poverty office (转介). Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.

-- Local rules of temporary assistance and referral, per county.
alter table county_policy add column township_cap decimal(12,2);
alter table county_policy add column township_cap_multiple decimal(5,2);
alter table county_policy add column grants_per_cause_per_year int default 1 not null;
alter table county_policy add column disposable_income_line decimal(12,2);
alter table county_policy add column poverty_line decimal(12,2);
alter table county_policy add column follow_up_days int default 90 not null;

-- Temporary assistance: the cause (for the yearly limit) and the 低保 case a follow-up led to.
alter table assistance_case add column cause varchar(30);
alter table assistance_case add column linked_case_number varchar(40);
create index ix_case_applicant_cause on assistance_case (applicant_id_number, programme, cause);

-- What a temporary-assistance case paid, and from where.
create table assistance_grant (
    id         bigint auto_increment primary key,
    case_id    bigint        not null,
    amount     decimal(12,2) not null,
    source     varchar(20)   not null,
    granted_by varchar(64)   not null,
    granted_at datetime(6)   not null,
    constraint uq_grant_case unique (case_id),
    constraint fk_grant_case foreign key (case_id) references assistance_case (id)
);

-- A township's reserve fund. The balance is kept with the row that serialises every movement; it is
-- always the sum of the fund's entries.
create table reserve_fund (
    township_code varchar(9)    not null primary key,
    balance       decimal(14,2) not null,
    version       bigint        not null,
    constraint ck_fund_balance check (balance >= 0),
    constraint fk_fund_township foreign key (township_code) references region (code)
);

-- Append-only ledger: allocations and replenishments (+), grants (−), reversals of grants (+).
create table fund_entry (
    id            bigint auto_increment primary key,
    township_code varchar(9)    not null,
    kind          varchar(20)   not null,
    amount        decimal(14,2) not null,
    balance_after decimal(14,2) not null,
    case_id       bigint,
    actor         varchar(64)   not null,
    note          varchar(500),
    at            datetime(6)   not null,
    constraint uq_fund_entry_case unique (case_id, kind),
    constraint fk_entry_fund foreign key (township_code) references reserve_fund (township_code),
    constraint fk_entry_case foreign key (case_id) references assistance_case (id)
);
create index ix_fund_entry_township on fund_entry (township_code, id);

-- Referral of a person to the county poverty office (转介), and its answer.
create table referral (
    id                  bigint auto_increment primary key,
    case_id             bigint        not null,
    county_code         varchar(6)    not null,
    township_code       varchar(9)    not null,
    trig                varchar(30)   not null,
    reason              varchar(1000) not null,
    status              varchar(20)   not null,
    outcome             varchar(20),
    measures            varchar(2000),
    referred_by         varchar(64)   not null,
    referred_at         datetime(6)   not null,
    answered_by         varchar(64),
    answered_at         datetime(6),
    process_instance_id varchar(64),
    constraint fk_referral_case foreign key (case_id) references assistance_case (id)
);
create index ix_referral_county on referral (county_code, status);
create index ix_referral_case on referral (case_id);
