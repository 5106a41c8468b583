-- Captured from Camunda 7.24.0 on MariaDB (MyBatis statement log of the unchanged engine, 2026-12-07),
-- parameters named; run by the benchmark next to what Doudi's engine sends now (bench/README.md).
-- The job executor's acquisition poll (selectNextJobsToExecute, default ordering, 3 jobs per acquisition).
select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ from ACT_RU_JOB RES
where (RES.RETRIES_ > 0) and ( RES.DUEDATE_ is null or RES.DUEDATE_ <= :now ) and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < :now)
  and RES.SUSPENSION_STATE_ = 1
  and ( ( RES.EXCLUSIVE_ = 1 and not exists( select J2.ID_ from ACT_RU_JOB J2 where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_
          and (J2.EXCLUSIVE_ = 1) and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= :now) ) ) or RES.EXCLUSIVE_ = 0 )
LIMIT :limit OFFSET 0
