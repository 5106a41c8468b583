-- Doudi schema, part 6: what the steps that pay, enrol or end a notice check against, recorded with the
-- case rather than left to process variables. Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.

-- The amount a decision carries: the county's approved grant (临时救助), the township's proposed grant
-- when it forwards a case, the monthly amount a 低保/特困 approval confirms.
alter table case_decision add column amount decimal(12,2);

-- When the current public notice actually ended (公示期满), and the approving decision that the
-- enrolment or the county grant carries out; both cleared when the case goes back to the township.
alter table assistance_case add column notice_ended_at datetime(6);
alter table assistance_case add column approval_decision_id bigint;
alter table assistance_case add constraint fk_case_approval foreign key (approval_decision_id)
    references case_decision (id);

-- A county grant pays one approval once: the database refuses a second payment of the same decision.
alter table assistance_grant add column decision_id bigint;
alter table assistance_grant add constraint uq_grant_decision unique (decision_id);
alter table assistance_grant add constraint fk_grant_decision foreign key (decision_id)
    references case_decision (id);
