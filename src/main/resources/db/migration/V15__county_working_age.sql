-- Doudi schema, part 15: a county's working age (劳动年龄) for the general presumption of ability to work
-- of household members: presumed able from the working_age_from birthday until the day before the
-- working_age_until birthday. Every policy version carries it; the versions that exist keep 16 to under 60.
-- 特困 eligibility keeps the national list of the 特困人员认定办法 and does not use it.
-- Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.
alter table county_policy add column working_age_from int default 16 not null;
alter table county_policy add column working_age_until int default 60 not null;
-- Where the county's working age ends at another age for women (e.g. 55); null: the same for everyone.
alter table county_policy add column working_age_until_female int;
