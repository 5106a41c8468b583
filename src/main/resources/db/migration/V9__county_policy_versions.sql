-- Doudi schema, part 9: every county-level number has an effective month. county_policy keeps its name
-- and columns (so a later `alter table county_policy add column …` still lands in the versions) and
-- becomes one row per county and month from which the row is in force. The rows that exist are the
-- versions in force since 2020-01. Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.

alter table county_policy add column effective_from date default '2020-01-01' not null;

-- The county's rounding rule for monthly amounts (to the fen, jiao or yuan; half-up, down or up) and its
-- minimum monthly payment. The defaults are what was computed before: exact to the fen, no minimum.
alter table county_policy add column amount_rounding varchar(4) default 'FEN' not null;
alter table county_policy add column rounding_mode varchar(10) default 'HALF_UP' not null;
alter table county_policy add column minimum_monthly_amount decimal(12,2);

-- Who added a version and when (null for the rows that were there before versions).
alter table county_policy add column created_at datetime(6);
alter table county_policy add column created_by varchar(64);

-- The primary key becomes (county, month). The foreign key to region rides on the old key's index in H2,
-- so it is dropped and added again around the change.
alter table county_policy drop constraint fk_policy_county;
alter table county_policy drop primary key;
alter table county_policy add constraint pk_county_policy primary key (county_code, effective_from);
alter table county_policy add constraint fk_policy_county foreign key (county_code) references region (code);
alter table county_policy add constraint ck_policy_first_of_month check (extract(day from effective_from) = 1);

-- What an assessment's monthly amount was before the county's rounding rule, the rule it applied, and the
-- month of the county policy version it used (null for assessments made before versions).
alter table income_assessment add column computed_amount decimal(12,2);
alter table income_assessment add column amount_rule varchar(200);
alter table income_assessment add column policy_effective_from date;
