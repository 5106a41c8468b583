-- 特困 (特困人员认定办法 2021): ability to work is derived from age, schooling, disability and the home
-- visit's finding, never from the applicant's declaration; the income tested is the applicant's own.

-- What the application declared about a member's ability to work: kept and shown, never decisive.
-- (Rows from before V10 keep able_to_work as they were stored; it now holds the presumption only.)
alter table household_member add column declared_able_to_work boolean;
-- A minor enrolled in school: covered by 特困 until 18.
alter table household_member add column in_school boolean default false not null;

-- The home visit's finding on a 特困 applicant's ability to work (PRESUMED / ABLE / UNABLE; null: presumed)
-- and why it departs from what age and disability presume.
alter table home_visit add column applicant_able_to_work varchar(10);
alter table home_visit add column able_to_work_reason varchar(500);

-- The income counted is the 特困 applicant's own, not a household's (null before V10: a household's).
alter table income_assessment add column own_income boolean;
