package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.doudi.test.Demo;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's authorization manager is ours ({@link AuthorizedGroups}), and its narrowing of a user's groups to
 * those with authorizations gives the engine's own answer: for every demo user, for a group without any
 * authorization (unknown to the table), a repeated one, and no groups at all.
 */
@IntegrationTest
class AuthorizedGroupsTest {

    private static final List<String> USERS = List.of("admin", Demo.CLERK1, Demo.CASEWORKER1, Demo.CASEWORKER9,
            Demo.REVIEWER1, Demo.POVERTY1, Demo.TSUPERVISOR1, Demo.SUPERVISOR1);

    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;

    @Test
    void narrowsEveryUsersGroupsAsTheEngineDoes() {
        List<List<String>> asked = new ArrayList<>();
        for (String user : USERS) {
            List<String> groups = new ArrayList<>(identity.createGroupQuery().groupMember(user).list().stream()
                    .map(Group::getId).toList());
            asked.add(List.copyOf(groups));
            groups.add("no-such-group");
            groups.add(groups.get(0));
            asked.add(groups);
        }
        asked.add(List.of());
        asked.add(List.of("no-such-group"));
        configuration().getCommandExecutorTxRequired().execute(context -> {
            AuthorizationManager manager = context.getAuthorizationManager();
            assertThat(manager).isInstanceOf(AuthorizedGroups.Manager.class);
            AuthorizedGroups.Manager ours = (AuthorizedGroups.Manager) manager;
            for (List<String> groups : asked) {
                List<String> narrowed = ours.filterAuthenticatedGroupIds(groups);
                assertThat(narrowed).as("groups %s", groups)
                        .containsExactlyInAnyOrderElementsOf(ours.engineFilter(groups))
                        .doesNotContain("no-such-group")
                        .doesNotHaveDuplicates();
                assertThat(ours.filterAuthenticatedGroupIds(groups)).isEqualTo(narrowed); // kept per command
            }
            assertThat(ours.filterAuthenticatedGroupIds(List.of("township-" + Demo.TOWNSHIP_A1)))
                    .containsExactly("township-" + Demo.TOWNSHIP_A1);
            return null;
        });
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
