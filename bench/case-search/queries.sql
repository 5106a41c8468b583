-- Q1 id, township
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.case_id in (select p.case_id from case_search_person p where p.id_hmac = '7b38136dba3349fba13c65ed0b11a94631cba121ae4942ab74c71f7844db3457' and p.township_code = '130102100') and e.township_code = '130102100' order by e.case_id desc limit 20 offset 0;
-- Q2 name exact-or-prefix, county
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.case_id in (select p.case_id from case_search_person p where p.name like '王芳%' escape '!' and p.county_code = '130102') and e.county_code = '130102' order by e.case_id desc limit 20 offset 0;
-- Q3 name, admin, no region
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.case_id in (select p.case_id from case_search_person p where p.name like '王芳%' escape '!') order by e.case_id desc limit 20 offset 0;
-- Q3c count
select count(*) from case_search_entry e where e.case_id in (select p.case_id from case_search_person p where p.name like '王芳%' escape '!');
-- Q4 case number exact, county
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.case_number = 'LS-2025-130102100-282163' and e.county_code = '130102' order by e.case_id desc limit 20 offset 0;
-- Q5 case number prefix, county
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.case_number like 'LS-2025-130102100%' and e.county_code = '130102' order by e.case_id desc limit 20 offset 0;
-- Q5c count
select count(*) from case_search_entry e where e.case_number like 'LS-2025-130102100%' and e.county_code = '130102';
-- Q6 listing county + status
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.county_code = '130102' and e.status = 'INVESTIGATION' order by e.case_id desc limit 20 offset 0;
-- Q6c
select count(*) from case_search_entry e where e.county_code = '130102' and e.status = 'INVESTIGATION';
-- Q7 listing township, no status
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.township_code = '130102100' order by e.case_id desc limit 20 offset 0;
-- Q7c
select count(*) from case_search_entry e where e.township_code = '130102100';
-- Q8 county listing, deep page
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.county_code = '130102' order by e.case_id desc limit 20 offset 2000;
-- Q8c
select count(*) from case_search_entry e where e.county_code = '130102';
-- Q9 admin listing
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code order by e.case_id desc limit 20 offset 0;
-- Q9c
select count(*) from case_search_entry e;
-- Q10 name, two townships of one user (OR over columns)
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.case_id in (select p.case_id from case_search_person p where p.name like '王芳%' escape '!' and (p.county_code = '130104' or p.township_code = '130102100')) and (e.county_code = '130104' or e.township_code = '130102100') order by e.case_id desc limit 20 offset 0;
-- Q11 name exact, admin
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.case_id in (select p.case_id from case_search_person p where p.name like '王芳' escape '!') order by e.case_id desc limit 20 offset 0;
-- Q12 name, township caseworker
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.case_id in (select p.case_id from case_search_person p where p.name like '王芳%' escape '!' and p.township_code = '130102100') and e.township_code = '130102100' order by e.case_id desc limit 20 offset 0;
-- Q13 id, admin
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.case_id in (select p.case_id from case_search_person p where p.id_hmac = '7b38136dba3349fba13c65ed0b11a94631cba121ae4942ab74c71f7844db3457') order by e.case_id desc limit 20 offset 0;
-- Q14 county listing page 0
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.county_code = '130102' order by e.case_id desc limit 20 offset 0;
-- Q15 county + programme + status listing
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.county_code = '130102' and e.status = 'PUBLIC_NOTICE' and e.programme = 'TEKUN' order by e.case_id desc limit 20 offset 0;
-- Q15c
select count(*) from case_search_entry e where e.county_code = '130102' and e.status = 'PUBLIC_NOTICE' and e.programme = 'TEKUN';
-- Q2c name count in person index, county
select count(distinct p.case_id) from case_search_person p where p.name like '王芳%' escape '!' and p.county_code = '130102';
-- Q3p name count in person index, admin
select count(distinct p.case_id) from case_search_person p where p.name like '王芳%' escape '!';
-- Q16 village clerk, name
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.case_id in (select p.case_id from case_search_person p where p.name like '王芳%' escape '!' and p.township_code = '130102100') and e.village_code = '130102100201' order by e.case_id desc limit 20 offset 0;
-- R1 township + absent status
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.township_code = '130102100' and e.status = 'OBJECTION_REVIEW' order by e.case_id desc limit 20 offset 0;
-- R2 county + absent status
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.county_code = '130102' and e.status = 'GRANTED' order by e.case_id desc limit 20 offset 0;
-- R3 county + rare status+programme
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.county_code = '130102' and e.status = 'NOT_ACCEPTED' and e.programme = 'TEKUN' order by e.case_id desc limit 20 offset 0;
-- R4 village listing
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.village_code = '130102100201' and e.status = 'SUBMITTED' order by e.case_id desc limit 20 offset 0;
-- R5 admin status only
select e.case_number, e.programme, e.status, e.applicant_name, e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at from case_search_entry e left join region r on r.code = e.village_code where e.status = 'OBJECTION_REVIEW' order by e.case_id desc limit 20 offset 0;
