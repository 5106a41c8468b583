-- Monthly payment rolls (发放名册, module payments): per county and month, every enrolment payable that month
-- with its amount, as the county pays it through the bank. Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.

-- A roll of a county and month (pay_month, yyyy-MM). sequence_no 0 is the month's roll; 1, 2 … are supplementary rolls (补发名册) for what
-- the confirmed rolls of that month missed or paid short. status: DRAFT (regenerated on demand and by the
-- schedule) → CONFIRMED (frozen by the county). The totals are the exact sums of the lines, written by one
-- aggregate query when the lines are generated; generated_at is null while a roll has no lines yet (its row
-- exists first, so that two generations of the same month meet on its key and queue on its lock).
create table payment_roll (
    id            bigint auto_increment primary key,
    county_code   varchar(6)    not null,
    pay_month     varchar(7)    not null,
    sequence_no   int           not null,
    status        varchar(10)   not null,
    households    int           not null,
    people        int           not null,
    total         decimal(14,2) not null,
    generated_at  datetime(6),
    generated_by  varchar(64),
    confirmed_at  datetime(6),
    confirmed_by  varchar(64),
    version       bigint        not null,
    constraint uq_payment_roll unique (county_code, pay_month, sequence_no),
    constraint ck_payment_roll_status check (status in ('DRAFT', 'CONFIRMED')),
    constraint ck_payment_roll_sequence check (sequence_no >= 0)
);

-- One line per enrolment and roll: who is paid what, and why it differs from the monthly amount (kind FULL,
-- PRORATED: the first month from the day after the approval, PHASE_OUT: 渐退期 at the county's share). The ID
-- number is stored masked (first six and last four characters), never in full. previously_paid: on a
-- supplementary line, what the confirmed rolls of the month had paid (amount is then the difference).
create table payment_roll_line (
    id               bigint auto_increment primary key,
    roll_id          bigint        not null,
    enrolment_id     bigint        not null,
    enrolment_number varchar(40)   not null,
    programme        varchar(10)   not null,
    township_code    varchar(9)    not null,
    village_code     varchar(12)   not null,
    payee_name       varchar(50)   not null,
    id_number_masked varchar(18)   not null,
    household_size   int           not null,
    covered_people   int           not null,
    monthly_amount   decimal(12,2) not null,
    amount           decimal(12,2) not null,
    kind             varchar(10)   not null,
    bank_account_ref varchar(40),
    previously_paid  decimal(12,2),
    constraint uq_payment_roll_line unique (roll_id, enrolment_id),
    constraint fk_payment_roll_line_roll foreign key (roll_id) references payment_roll (id),
    constraint ck_payment_roll_line_amount check (amount > 0)
);
-- A roll's lines page by page and its export, in township and enrolment order; totals by township.
create index ix_payment_roll_line_order on payment_roll_line (roll_id, township_code, enrolment_number);
-- What an enrolment was paid (its payments, the sum paid since a month, what a supplement still owes).
create index ix_payment_roll_line_enrolment on payment_roll_line (enrolment_id, roll_id);

-- A roll's totals by township, from the lines by one aggregate query (the county's are their sum).
create table payment_roll_township (
    roll_id       bigint        not null,
    township_code varchar(9)    not null,
    households    int           not null,
    people        int           not null,
    total         decimal(14,2) not null,
    constraint pk_payment_roll_township primary key (roll_id, township_code),
    constraint fk_payment_roll_township_roll foreign key (roll_id) references payment_roll (id)
);

-- The scheduled generation of a county's month has been done (or found the month confirmed): once per county and
-- month, whatever the number of nodes; the node whose insert wins does it, the others do nothing.
create table payment_roll_schedule_run (
    county_code varchar(6)  not null,
    pay_month   varchar(7)  not null,
    ran_at      datetime(6) not null,
    outcome     varchar(20) not null,
    constraint pk_payment_roll_schedule_run primary key (county_code, pay_month)
);
