-- Captured from Camunda 7.24.0 on MariaDB (MyBatis statement log of the unchanged engine, 2026-12-07),
-- parameters named; run by the benchmark next to what Doudi's engine sends now (bench/README.md).
-- Tasklist filter 组内待办 (candidate groups = the user's groups, assigned included), 15 by due date.
select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_, RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_, RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_, RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, RES.TASK_STATE_
from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( :user, '*') OR A.GROUP_ID_ IN ( :groups ) )
            AND ( ( A.RESOURCE_TYPE_ = :taskResource AND A.PERMS_ & :read = :read OR A.RESOURCE_TYPE_ = :definitionResource AND A.PERMS_ & :readTask = :readTask ) ) ) AUTH
  ON (AUTH.RESOURCE_ID_ = RES.ID_ OR AUTH.RESOURCE_ID_ = D.KEY_ OR AUTH.RESOURCE_ID_ = '*' )
WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( :groups ) ) ) and RES.SUSPENSION_STATE_ = 1 )
  and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null )
order by RES.DUE_DATE_ asc, RES.CREATE_TIME_ asc, RES.DUE_DATE_ asc LIMIT :limit OFFSET :offset
