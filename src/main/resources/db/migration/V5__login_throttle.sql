-- Doudi schema, part 5: login throttling, shared by every application node. Portable SQL for H2 2.x and
-- MySQL 8 / MariaDB 10.6+.

-- One row per user (kind USER, subject = the user id) or client address (kind ADDRESS) that has failed
-- to log in recently. Moments are epoch milliseconds (UTC): the same number on every node and database,
-- with no time-zone or fractional-second conversion in between.
create table login_throttle (
    kind         varchar(10)  not null,
    subject      varchar(255) not null,
    -- USER: consecutive failures since the last success or expired lock; ADDRESS: failures in the window
    failures     int          not null,
    -- how many locks in a row (the next lock lasts twice as long); forgotten after a quiet day
    lock_level   int          not null,
    window_start bigint,
    last_failure bigint,
    locked_until bigint,
    constraint pk_login_throttle primary key (kind, subject)
);
create index ix_login_throttle_locked_until on login_throttle (locked_until);
