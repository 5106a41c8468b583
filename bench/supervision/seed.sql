-- Supervision list at scale (docs/scale.md, "Supervision"): fills open_task of a database where Doudi has
-- run once (demo data loaded) with 250 000 synthetic open tasks. MariaDB (its seq_1_to_N sequence table);
-- the rows point at no real case (foreign keys off while loading), which the supervision lists never read.
-- Run: mysql -uroot <db> < bench/supervision/seed.sql ; then bench/supervision/measure.sh <db> [port].
-- 250 000 open tasks over 200 townships: county A (130102) 50 000 of them (2/3 overdue),
-- township A1 (130102100) 2 500; the other 9 counties 200 000 (30 % overdue); 2 % started in time. County A's
-- townships 130102101 and 130102105 are deep-poverty areas (深度贫困), 5 000 of its open tasks.
set foreign_key_checks = 0;
delete from open_task where task_id = md5(case_id);
insert into open_task (task_id, case_id, case_number, process_key, task_key, task_name, candidate_group,
                       village_code, township_code, county_code, created_at, due_at, escalation_level,
                       step, anchor_day, started_at)
select md5(s.n), s.n, concat('DB-2026-', s.tw, '-', lpad(s.n, 6, '0')), 'AssistanceApplication',
       elt(1 + s.n mod 8, 'Task_AcceptApplication', 'Task_HomeVisit', 'Task_TownshipReview', 'Task_CountyDecision',
           'Task_HandleObjection', 'Task_EmergencyGrant', 'Task_CompletePaperwork', 'Task_FollowUpCheck'),
       elt(1 + s.n mod 8, '受理', '入户调查', '乡镇初审', '县级审核确认', '异议处理', '先行救助', '补办手续', '回访'),
       concat('township-', s.tw), concat(s.tw, lpad(201 + s.n mod 3, 3, '0')), s.tw, left(s.tw, 6),
       s.due - interval 10 day, s.due, case when s.due < utc_timestamp() then 1 + s.n mod 2 else 0 end,
       null, null, case when s.n mod 50 = 7 then s.due - interval 1 day else null end
from (
  select seq as n,
         case when seq mod 5 = 0 then
                case when (seq div 5) mod 20 = 0 then '130102100' else concat('130102', 100 + (seq div 5) mod 20) end
              else concat('1302', lpad((seq div 5) mod 9, 2, '0'), 100 + (seq div 45) mod 20) end as tw,
         case when (seq mod 5 = 0 and seq mod 3 <> 0) or (seq mod 5 <> 0 and seq mod 10 < 3)
              then timestamp(utc_date() - interval (1 + seq mod 120) day, '15:59:59')
              else timestamp(utc_date() + interval (seq mod 30) day, '15:59:59') end as due
  from seq_1_to_250000
) s;
set foreign_key_checks = 1;
insert ignore into region (code, name, level, parent_code)
select distinct left(township_code, 6), concat('县', left(township_code, 6)), 'COUNTY', null from open_task;
insert ignore into region (code, name, level, parent_code)
select distinct township_code, concat('镇', township_code), 'TOWNSHIP', left(township_code, 6) from open_task;
-- Deep-poverty areas (docs/deep-poverty.md): the flags the demo data set (county 130104 三区三州, township 130102101
-- 深度贫困), plus township 130102105 深度贫困, so that a tenth of county A's open tasks lie in a deep-poverty area;
-- then each row takes the area of its county, else of its township (三区三州 wins), as Doudi writes it.
update region set deep_poverty = 'DEEP_POVERTY' where code = '130102105';
update open_task t join region r on r.code = t.county_code set t.deep_poverty = r.deep_poverty
where r.deep_poverty is not null and t.task_id = md5(t.case_id);
update open_task t join region r on r.code = t.township_code
set t.deep_poverty = greatest(coalesce(t.deep_poverty, ''), r.deep_poverty)
where r.deep_poverty is not null and t.task_id = md5(t.case_id);
analyze table open_task;
