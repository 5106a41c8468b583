-- Doudi schema, part 24: deep-poverty areas (深度贫困地区; issue 11, point 7; docs/deep-poverty.md). Portable SQL
-- for H2 2.x and MySQL 8 / MariaDB 10.6+.

-- A region's own flag: SANQU_SANZHOU (三区三州) or DEEP_POVERTY (其他深度贫困地区), null for none; set by operators
-- (PUT /api/regions/{code}/deep-poverty). A region lies in a deep-poverty area when it, its township or its county
-- carries a flag; 三区三州 wins when two kinds apply.
alter table region add column deep_poverty varchar(14);
alter table region add constraint ck_region_deep_poverty check (deep_poverty in ('SANQU_SANZHOU', 'DEEP_POVERTY'));
-- The flagged regions are read as one set (for lists that resolve many codes in memory): from this index, the
-- flagged rows only, not every village of the province.
create index ix_region_deep_poverty on region (deep_poverty);

-- The open-task read model (督办) keeps the area each task's village lies in: written with the row (the flags of
-- its village, township and county, by primary key) and rewritten for a region's rows, in one statement, when the
-- region's flag changes. The supervision lists filter and total by it without a lookup per row.
-- Nothing to backfill: no region carries a flag before this migration, so null is right for every existing row.
alter table open_task add column deep_poverty varchar(14);

-- The indexes of the supervision lists (V3, V17; docs/scale.md "Supervision") take the column too, so that the
-- filter (deepPoverty=true: "is not null", false: "is null") is decided on index entries:
--
-- Rows of a page: the region's column, then due_at, then deep_poverty. The lists order by (due_at, deep_poverty,
-- task_id), the order of these entries (InnoDB ends each with the primary key): a page is still read off the index
-- without sorting, and a filter that matches few rows of a large region skips the others on the index entry
-- instead of reading their table rows.
drop index ix_open_task_county_due on open_task;
create index ix_open_task_county_due on open_task (county_code, due_at, deep_poverty);
drop index ix_open_task_township_due on open_task;
create index ix_open_task_township_due on open_task (township_code, due_at, deep_poverty);
drop index ix_open_task_village_due on open_task;
create index ix_open_task_village_due on open_task (village_code, due_at, deep_poverty);
-- Totals by township, step and area (and the whole total): grouped in the order of these indexes, read from them
-- alone, with or without the filter.
drop index ix_open_task_county_totals on open_task;
create index ix_open_task_county_totals on open_task (county_code, township_code, task_key, deep_poverty, due_at,
    started_at);
drop index ix_open_task_township_totals on open_task;
create index ix_open_task_township_totals on open_task (township_code, task_key, deep_poverty, due_at, started_at);
