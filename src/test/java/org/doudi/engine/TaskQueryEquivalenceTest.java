package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.doudi.test.CaseDriver;
import org.doudi.test.Demo;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Our task query statements ({@link TaskQueryStatements}) answer exactly what the engine's own do: the same tasks,
 * the same count, the same order, for every kind of user (township, county, supervisors, a user with a grant of
 * his own, one with a grant on the process definition, admin), for Tasklist's filters and for queries of other
 * shapes, in each of the engine's revoke modes and with a REVOKE authorization in the table. The engine's
 * statements are run through the same code path by putting the engine's statement mapping back for a moment.
 */
@IntegrationTest
class TaskQueryEquivalenceTest {

    private static final List<String> USERS = List.of("admin", Demo.CLERK1, Demo.CASEWORKER1, Demo.CASEWORKER2,
            Demo.CASEWORKER9, Demo.REVIEWER1, Demo.REVIEWER9, Demo.POVERTY1, Demo.TSUPERVISOR1, Demo.SUPERVISOR1);

    /** One user of each way to a task: his group, the revoked one, the definition, '*', a grant of his own. */
    private static final List<String> REVOKE_MODE_USERS = List.of(Demo.CASEWORKER1, Demo.REVIEWER1, Demo.POVERTY1,
            Demo.TSUPERVISOR1, Demo.CLERK1);

    @Autowired
    CaseDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    ProcessEngine engine;

    private final List<String> created = new ArrayList<>();
    private final List<String> standaloneTasks = new ArrayList<>();

    @BeforeEach
    void openWorkInSeveralTownships() {
        for (String village : List.of(Demo.VILLAGE_A1, Demo.VILLAGE_A1_WEST, Demo.VILLAGE_A2, Demo.VILLAGE_B1)) {
            String user = village.startsWith(Demo.TOWNSHIP_A1) ? Demo.CASEWORKER1
                    : village.startsWith(Demo.TOWNSHIP_A2) ? Demo.CASEWORKER2 : Demo.CASEWORKER9;
            String first = driver.submit(user, CaseDriver.dibao(village, 2)).caseNumber();
            driver.submit(user, CaseDriver.dibao(village, 3));
            driver.accept(user, first); // the next task: the home visit, with its own due date
            driver.runDataVerification(first);
        }
        // A task of no process (the definition join finds nothing), visible to clerk1 through a grant of his own.
        Task standalone = tasks.newTask();
        standalone.setName("单独任务");
        standalone.setDueDate(new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000));
        tasks.saveTask(standalone);
        standaloneTasks.add(standalone.getId());
        tasks.addCandidateGroup(standalone.getId(), "township-" + Demo.TOWNSHIP_A1);
        grant(Authorization.AUTH_TYPE_GRANT, Demo.CLERK1, null, Resources.TASK, standalone.getId(), Permissions.READ);
        // Every task of the 低保 process for poverty1, through the process definition's key.
        grant(Authorization.AUTH_TYPE_GRANT, Demo.POVERTY1, null, Resources.PROCESS_DEFINITION,
                "AssistanceApplication", ProcessDefinitionPermissions.READ_TASK);
        // One task for everybody, through a global authorization.
        Task anyTask = tasks.createTaskQuery().processDefinitionKey("AssistanceApplication").listPage(0, 1).get(0);
        grant(Authorization.AUTH_TYPE_GLOBAL, Authorization.ANY, null, Resources.TASK, anyTask.getId(),
                Permissions.READ);
        globalTask = anyTask.getId();
        // Every task for the township supervisor, through a grant on all tasks ('*').
        grant(Authorization.AUTH_TYPE_GRANT, Demo.TSUPERVISOR1, null, Resources.TASK, Authorization.ANY,
                Permissions.READ);
    }

    private String globalTask;

    @AfterEach
    void removeWhatWasAdded() {
        created.forEach(authorizations::deleteAuthorization);
        standaloneTasks.forEach(id -> tasks.deleteTask(id, true));
        configuration().setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
    }

    @Test
    void everyUserSeesTheSameTasksInTheSameOrderAsWithTheEngineStatements() {
        for (String user : USERS) {
            compareAllQueries(user);
        }
        // The data reaches each way an authorization can match: the task, its process definition, '*'.
        long all = tasks.createTaskQuery().count();
        assertThat(as(Demo.CLERK1, () -> ids(tasks.createTaskQuery().list()))).contains(standaloneTasks.get(0));
        assertThat(as(Demo.REVIEWER9, () -> ids(tasks.createTaskQuery().list()))).contains(globalTask);
        assertThat(as(Demo.POVERTY1, () -> tasks.createTaskQuery().count()))
                .isGreaterThanOrEqualTo(tasks.createTaskQuery().processDefinitionKey("AssistanceApplication").count());
        assertThat(as(Demo.TSUPERVISOR1, () -> tasks.createTaskQuery().count())).isEqualTo(all);
        assertThat(as(Demo.CASEWORKER9, () -> tasks.createTaskQuery().count())).isPositive().isLessThan(all);
    }

    @Test
    void theSameInEveryRevokeModeWithARevokeInTheTable() {
        Task revoked = tasks.createTaskQuery().taskCandidateGroup("township-" + Demo.TOWNSHIP_A1).listPage(0, 1)
                .get(0);
        grant(Authorization.AUTH_TYPE_REVOKE, Demo.CASEWORKER1, null, Resources.TASK, revoked.getId(),
                Permissions.READ);
        for (String mode : List.of(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO,
                ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS,
                ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER)) {
            configuration().setAuthorizationCheckRevokes(mode);
            for (String user : REVOKE_MODE_USERS) {
                compareAllQueries(user);
            }
            boolean revokesChecked = !mode.equals(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
            List<String> seen = as(Demo.CASEWORKER1, () -> ids(tasks.createTaskQuery().list()));
            assertThat(seen.contains(revoked.getId())).as("revoked task seen in mode %s", mode)
                    .isEqualTo(!revokesChecked);
        }
    }

    @Test
    void ourStatementsAreTheOnesInUse() {
        Map<String, String> mappings = configuration().getDbSqlSessionFactory().getStatementMappings();
        assertThat(mappings).containsAllEntriesOf(TaskQueryStatements.STATEMENTS);
        // and they find something: caseworker1 has open work in his township
        assertThat(as(Demo.CASEWORKER1, () -> tasks.createTaskQuery().count())).isPositive();
    }

    private void compareAllQueries(String user) {
        List<String> groups = groupsOf(user);
        Map<String, Supplier<Object>> queries = new HashMap<>();
        for (Filter filter : as(user, () -> filters.createTaskFilterQuery().list())) {
            // A filter sorts by due date and creation time without a tie-break: tasks equal in both may come in
            // either order from either statement (and a page may cut between them). Compared: the same tasks, and
            // the same sequence of sort keys.
            queries.put("filter " + filter.getName() + " list", () -> List.of(
                    ids(filters.list(filter.getId())).stream().sorted().toList(), sortKeys(filters.list(filter.getId()))));
            queries.put("filter " + filter.getName() + " page", () -> sortKeys(filters.listPage(filter.getId(), 1, 3)));
            queries.put("filter " + filter.getName() + " count", () -> filters.count(filter.getId()));
        }
        Date soon = new Date(ClockUtil.getCurrentTime().getTime() + 5L * 24 * 3_600_000);
        Map<String, Supplier<TaskQuery>> shapes = Map.of(
                "all visible", () -> tasks.createTaskQuery().orderByTaskId().asc(),
                "inbox by due date", () -> inbox(groups).orderByDueDate().asc().orderByTaskId().asc(),
                "inbox by due date desc", () -> inbox(groups).orderByDueDate().desc().orderByTaskId().desc(),
                "candidate user", () -> tasks.createTaskQuery().taskCandidateUser(user).orderByTaskId().asc(),
                "group or assignee", () -> tasks.createTaskQuery().or().taskCandidateGroupIn(groups.isEmpty()
                        ? List.of("none") : groups).taskAssignee(user).endOr().orderByTaskId().asc(),
                "due soon", () -> tasks.createTaskQuery().dueBefore(soon).orderByDueDate().asc().orderByTaskId()
                        .asc(),
                "business key", () -> tasks.createTaskQuery().processInstanceBusinessKeyLike("%-130102100-%")
                        .orderByTaskCreateTime().desc().orderByTaskId().asc(),
                "by process", () -> tasks.createTaskQuery().processDefinitionKey("AssistanceApplication")
                        .orderByTaskName().asc().orderByTaskId().asc());
        shapes.forEach((name, query) -> {
            queries.put(name + " list", () -> ids(query.get().list()));
            queries.put(name + " page", () -> ids(query.get().listPage(1, 2)));
            queries.put(name + " count", () -> query.get().count());
        });
        queries.forEach((name, query) -> {
            Object ours = as(user, query);
            Object stock = withEngineStatements(() -> as(user, query));
            assertThat(ours).as("%s, %s (revokes %s)", user, name, configuration().getAuthorizationCheckRevokes())
                    .isEqualTo(stock);
        });
    }

    /** The due date and creation time of each task, in the order given. */
    private static List<String> sortKeys(List<?> found) {
        return found.stream().map(t -> (org.camunda.bpm.engine.task.Task) t)
                .map(t -> t.getDueDate() + "|" + t.getCreateTime()).toList();
    }

    private TaskQuery inbox(List<String> groups) {
        return tasks.createTaskQuery().taskCandidateGroupIn(groups.isEmpty() ? List.of("none") : groups)
                .includeAssignedTasks();
    }

    /** Runs with the engine's own statements: its statement mapping without ours. */
    private <T> T withEngineStatements(Supplier<T> action) {
        DbSqlSessionFactory sessions = configuration().getDbSqlSessionFactory();
        Map<String, String> ours = sessions.getStatementMappings();
        Map<String, String> engine = new HashMap<>(ours);
        TaskQueryStatements.STATEMENTS.keySet().forEach(engine::remove);
        sessions.setStatementMappings(engine);
        try {
            return action.get();
        } finally {
            sessions.setStatementMappings(ours);
        }
    }

    private <T> T as(String user, Supplier<T> action) {
        identity.setAuthentication(user, groupsOf(user));
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private final Map<String, List<String>> groupsByUser = new HashMap<>();

    private List<String> groupsOf(String user) {
        return groupsByUser.computeIfAbsent(user,
                u -> identity.createGroupQuery().groupMember(u).list().stream().map(Group::getId).toList());
    }

    private static List<String> ids(List<?> tasks) {
        return tasks.stream().map(t -> ((Task) t).getId()).toList();
    }

    private void grant(int type, String user, String group, Resources resource, String resourceId,
            org.camunda.bpm.engine.authorization.Permission permission) {
        Authorization a = authorizations.createNewAuthorization(type);
        if (user != null) {
            a.setUserId(user);
        }
        if (group != null) {
            a.setGroupId(group);
        }
        a.setResource(resource);
        a.setResourceId(resourceId);
        if (type == Authorization.AUTH_TYPE_REVOKE) {
            a.removePermission(permission);
        } else {
            a.addPermission(permission);
        }
        created.add(authorizations.saveAuthorization(a).getId());
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
