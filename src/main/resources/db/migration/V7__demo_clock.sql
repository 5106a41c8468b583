-- Doudi schema, part 7: the demo clock (only used with doudi.demo=true). One row: how far the engine
-- clock and the application clock have been moved forward in total, restored at start-up so that a
-- restart never travels back in time. Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.
create table demo_clock (
    id            int         not null primary key,
    offset_millis bigint      not null,
    moved_at      datetime(6) not null,
    moved_by      varchar(64) not null,
    constraint ck_demo_clock_one_row check (id = 1),
    constraint ck_demo_clock_forward check (offset_millis >= 0)
);
