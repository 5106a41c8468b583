-- Captured from Camunda 7.24.0 on MariaDB (MyBatis statement log of the unchanged engine, 2026-12-07),
-- parameters named; run by the benchmark next to what Doudi's engine sends now (bench/README.md).
-- Count of the Tasklist filter 组内待办.
select count(distinct RES.ID_ )
from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( :user, '*') OR A.GROUP_ID_ IN ( :groups ) )
            AND ( ( A.RESOURCE_TYPE_ = :taskResource AND A.PERMS_ & :read = :read OR A.RESOURCE_TYPE_ = :definitionResource AND A.PERMS_ & :readTask = :readTask ) ) ) AUTH
  ON (AUTH.RESOURCE_ID_ = RES.ID_ OR AUTH.RESOURCE_ID_ = D.KEY_ OR AUTH.RESOURCE_ID_ = '*' )
WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( :groups ) ) ) and RES.SUSPENSION_STATE_ = 1 )
  and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null )
