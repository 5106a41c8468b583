package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstanceQuery;
import org.camunda.bpm.engine.task.Task;
import org.doudi.test.CaseDriver;
import org.doudi.test.Demo;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Our variable instance query statements ({@link TaskQueryStatements}) answer exactly what the engine's own do:
 * the same variables and the same count for every kind of user (township, county, supervisors, a user with a grant
 * on one task, on one process instance, on the process definition, on '*', through a global authorization, admin),
 * for the query Tasklist's list request sends (the display variables of tasks, here of every open task, so that
 * the check has something to hide) and for queries of other shapes, in each of the engine's revoke modes with a
 * REVOKE in the table, and with the engine's specific variable permissions in force. The engine's statements run
 * through the same code path with the engine's statement mapping put back for a moment.
 */
@IntegrationTest
class VariableQueryEquivalenceTest {

    private static final List<String> USERS = List.of("admin", Demo.CLERK1, Demo.CASEWORKER1, Demo.CASEWORKER2,
            Demo.CASEWORKER9, Demo.REVIEWER1, Demo.REVIEWER9, Demo.POVERTY1, Demo.TSUPERVISOR1, Demo.SUPERVISOR1);

    /** One user of each way to a variable: his group's task, the process instance, the definition, '*', a task grant. */
    private static final List<String> REVOKE_MODE_USERS = List.of(Demo.CASEWORKER1, Demo.CASEWORKER9, Demo.POVERTY1,
            Demo.TSUPERVISOR1, Demo.CLERK1);

    /** Tasklist's display variables (the demo filters' {@code variables} property). */
    private static final String[] DISPLAY = {"caseNumber", "applicantName", "villageCode"};

    @Autowired
    CaseDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    ProcessEngine engine;

    private final List<String> created = new ArrayList<>();
    private final List<String> standaloneTasks = new ArrayList<>();
    private String globalTask;
    private String grantedInstance;

    @BeforeEach
    void openWorkInSeveralTownships() {
        for (String village : List.of(Demo.VILLAGE_A1, Demo.VILLAGE_A1_WEST, Demo.VILLAGE_A2, Demo.VILLAGE_B1)) {
            String user = village.startsWith(Demo.TOWNSHIP_A1) ? Demo.CASEWORKER1
                    : village.startsWith(Demo.TOWNSHIP_A2) ? Demo.CASEWORKER2 : Demo.CASEWORKER9;
            String first = driver.submit(user, CaseDriver.dibao(village, 2)).caseNumber();
            driver.submit(user, CaseDriver.dibao(village, 3));
            driver.accept(user, first);
            driver.runDataVerification(first);
        }
        // A task of no process with a variable of its own, visible to clerk1 through a grant of his own.
        Task standalone = tasks.newTask();
        standalone.setName("单独任务");
        standalone.setDueDate(new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000));
        tasks.saveTask(standalone);
        standaloneTasks.add(standalone.getId());
        tasks.setVariableLocal(standalone.getId(), "caseNumber", "单独任务的编号");
        grant(Authorization.AUTH_TYPE_GRANT, Demo.CLERK1, Resources.TASK, standalone.getId(), Permissions.READ,
                TaskPermissions.READ_VARIABLE);
        // Every variable of the 低保 process's instances for poverty1, through the process definition's key.
        grant(Authorization.AUTH_TYPE_GRANT, Demo.POVERTY1, Resources.PROCESS_DEFINITION, "AssistanceApplication",
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE);
        // One process instance of another county for caseworker9, by its id.
        grantedInstance = runtime.createProcessInstanceQuery().processDefinitionKey("AssistanceApplication")
                .orderByProcessInstanceId().asc().listPage(0, 1).get(0).getId();
        grant(Authorization.AUTH_TYPE_GRANT, Demo.CASEWORKER9, Resources.PROCESS_INSTANCE, grantedInstance,
                Permissions.READ);
        // One task for everybody, through a global authorization.
        globalTask = tasks.createTaskQuery().processDefinitionKey("AssistanceApplication").orderByTaskId().desc()
                .listPage(0, 1).get(0).getId();
        grant(Authorization.AUTH_TYPE_GLOBAL, Authorization.ANY, Resources.TASK, globalTask, Permissions.READ,
                TaskPermissions.READ_VARIABLE);
        // Every task for the township supervisor, through a grant on all tasks ('*').
        grant(Authorization.AUTH_TYPE_GRANT, Demo.TSUPERVISOR1, Resources.TASK, Authorization.ANY, Permissions.READ,
                TaskPermissions.READ_VARIABLE);
    }

    @AfterEach
    void removeWhatWasAdded() {
        created.forEach(authorizations::deleteAuthorization);
        standaloneTasks.forEach(id -> tasks.deleteTask(id, true));
        configuration().setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
        configuration().setEnforceSpecificVariablePermission(false);
    }

    @Test
    void everyUserSeesTheSameVariablesAsWithTheEngineStatements() {
        for (String user : USERS) {
            compareAllQueries(user);
        }
        // The data reaches each way an authorization can match: task, process instance, definition, '*', global.
        Set<String> all = new LinkedHashSet<>(ids(tasklistQuery().list()));
        assertThat(visible(Demo.CLERK1)).contains(standaloneVariable());
        assertThat(visible(Demo.REVIEWER9)).isNotEmpty().allMatch(all::contains);
        assertThat(as(Demo.CASEWORKER9, () -> runtime.createVariableInstanceQuery()
                .processInstanceIdIn(grantedInstance).count())).isPositive();
        assertThat(as(Demo.POVERTY1, () -> ofDefinition().count())).isPositive().isEqualTo(ofDefinition().count());
        assertThat(visible(Demo.TSUPERVISOR1)).hasSizeGreaterThan(visible(Demo.CASEWORKER1).size());
        assertThat(visible(Demo.CASEWORKER1)).isNotEmpty().hasSizeLessThan(all.size());
    }

    @Test
    void theSameInEveryRevokeModeWithARevokeInTheTable() {
        Task revoked = tasks.createTaskQuery().taskCandidateGroup("township-" + Demo.TOWNSHIP_A1).listPage(0, 1)
                .get(0);
        grant(Authorization.AUTH_TYPE_REVOKE, Demo.CASEWORKER1, Resources.TASK, revoked.getId(), Permissions.READ);
        for (String mode : List.of(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO,
                ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS,
                ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER)) {
            configuration().setAuthorizationCheckRevokes(mode);
            for (String user : REVOKE_MODE_USERS) {
                compareAllQueries(user);
            }
            boolean revokesChecked = !mode.equals(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
            long ofRevoked = as(Demo.CASEWORKER1, () -> runtime.createVariableInstanceQuery()
                    .taskIdIn(revoked.getId()).count());
            assertThat(ofRevoked == 0).as("revoked task's variables hidden in mode %s", mode).isEqualTo(revokesChecked);
        }
    }

    @Test
    void theSameWithSpecificVariablePermissions() {
        configuration().setEnforceSpecificVariablePermission(true);
        for (String user : REVOKE_MODE_USERS) {
            compareAllQueries(user);
        }
        // caseworker1's group has READ on its tasks, not READ_VARIABLE: now he sees only the variables of the task
        // that everybody may read.
        assertThat(visible(Demo.CASEWORKER1)).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(ids(tasklistQuery().taskIdIn(globalTask).list()));
        assertThat(visible(Demo.CLERK1)).contains(standaloneVariable());
    }

    @Test
    void ourStatementsAreTheOnesInUse() {
        Map<String, String> mappings = configuration().getDbSqlSessionFactory().getStatementMappings();
        assertThat(mappings).containsEntry("selectVariableInstanceByQueryCriteria",
                TaskQueryStatements.VARIABLE_NAMESPACE + "selectVariableInstanceByQueryCriteriaWithExistsCheck");
        assertThat(visible(Demo.CASEWORKER1)).isNotEmpty();
    }

    private void compareAllQueries(String user) {
        Map<String, Supplier<Object>> queries = new HashMap<>();
        // Tasklist's request: the display variables of the tasks' own scopes, executions and process instances.
        queries.put("tasklist", () -> sorted(ids(tasklistQuery().unlimitedList())));
        queries.put("tasklist count", () -> tasklistQuery().count());
        Map<String, Supplier<VariableInstanceQuery>> shapes = Map.of(
                "all", () -> runtime.createVariableInstanceQuery(),
                "by name", () -> runtime.createVariableInstanceQuery().variableName("villageCode"),
                "by value", () -> runtime.createVariableInstanceQuery().variableValueEquals("villageCode",
                        Demo.VILLAGE_A1),
                "by instance", () -> runtime.createVariableInstanceQuery().processInstanceIdIn(grantedInstance),
                "by task", () -> runtime.createVariableInstanceQuery().taskIdIn(taskIds().toArray(String[]::new)),
                "by definition", this::ofDefinition);
        shapes.forEach((name, query) -> {
            queries.put(name + " list", () -> sorted(ids(query.get().list())));
            queries.put(name + " page", () -> names(query.get().orderByVariableName().asc().listPage(1, 5)));
            queries.put(name + " count", () -> query.get().count());
        });
        queries.forEach((name, query) -> {
            Object ours = as(user, query);
            Object stock = withEngineStatements(() -> as(user, query));
            assertThat(ours).as("%s, %s (revokes %s, specific permissions %s)", user, name,
                    configuration().getAuthorizationCheckRevokes(),
                    configuration().isEnforceSpecificVariablePermission()).isEqualTo(stock);
        });
    }

    /** As FilterResourceImpl asks, for every open task (found without authentication). */
    private VariableInstanceQuery tasklistQuery() {
        List<Task> open = tasks.createTaskQuery().list();
        Set<String> scopes = new LinkedHashSet<>();
        for (Task t : open) {
            scopes.add(t.getId());
            scopes.add(t.getExecutionId());
            scopes.add(t.getProcessInstanceId());
        }
        scopes.remove(null);
        return runtime.createVariableInstanceQuery().disableBinaryFetching().disableCustomObjectDeserialization()
                .variableNameIn(DISPLAY).variableScopeIdIn(scopes.toArray(String[]::new));
    }

    /** Every variable of the 低保 process's instances, their tasks' included. */
    private VariableInstanceQuery ofDefinition() {
        return runtime.createVariableInstanceQuery().processInstanceIdIn(runtime.createProcessInstanceQuery()
                .processDefinitionKey("AssistanceApplication").list().stream().map(p -> p.getId())
                .toArray(String[]::new));
    }

    private List<String> taskIds() {
        return tasks.createTaskQuery().list().stream().map(Task::getId).toList();
    }

    private List<String> visible(String user) {
        return as(user, () -> ids(tasklistQuery().unlimitedList()));
    }

    private String standaloneVariable() {
        return runtime.createVariableInstanceQuery().taskIdIn(standaloneTasks.get(0)).singleResult().getId();
    }

    /** Runs with the engine's own statements: its statement mapping without ours. */
    private <T> T withEngineStatements(Supplier<T> action) {
        DbSqlSessionFactory sessions = configuration().getDbSqlSessionFactory();
        Map<String, String> ours = sessions.getStatementMappings();
        Map<String, String> stock = new HashMap<>(ours);
        TaskQueryStatements.STATEMENTS.keySet().forEach(stock::remove);
        sessions.setStatementMappings(stock);
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

    private static List<String> ids(List<VariableInstance> variables) {
        return variables.stream().map(VariableInstance::getId).toList();
    }

    private static List<String> names(List<VariableInstance> variables) {
        return variables.stream().map(VariableInstance::getName).toList();
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    private void grant(int type, String user, Resources resource, String resourceId, Permission... permissions) {
        Authorization a = authorizations.createNewAuthorization(type);
        a.setUserId(user);
        a.setResource(resource);
        a.setResourceId(resourceId);
        for (Permission p : permissions) {
            if (type == Authorization.AUTH_TYPE_REVOKE) {
                a.removePermission(p);
            } else {
                a.addPermission(p);
            }
        }
        created.add(authorizations.saveAuthorization(a).getId());
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
