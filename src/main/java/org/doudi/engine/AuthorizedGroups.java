package org.doudi.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Before every authorization check, the engine narrows the user's groups to those that have any authorization at
 * all, and to know them it reads {@code SELECT distinct GROUP_ID_ FROM ACT_RU_AUTHORIZATION}: every group with an
 * authorization, once per command. Tasklist's list request runs five commands, so five such reads; at county scale
 * there are hundreds of groups and each read walks the whole group index (docs/scale.md, "Tasklist's list request
 * after the task query"). This plugin gives the engine an {@link AuthorizationManager} that asks the same question
 * for the user's groups only, an index lookup per group: the same intersection, so the same checks follow.
 */
@Component
class AuthorizedGroups extends AbstractProcessEnginePlugin {

    static final String MAPPER = "org/doudi/engine/AuthorizationQueries.xml";
    static final String STATEMENT = "org.doudi.engine.AuthorizationQueries.selectAuthorizedGroupIdsIn";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class; // replaces the engine's factory of that session type
            }

            @Override
            public Session openSession() {
                return new Manager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        TaskQueryStatements.parseOnce(configuration.getSqlSessionFactory().getConfiguration(), MAPPER, STATEMENT);
    }

    /** The engine's authorization manager, its group filter asking only for the user's groups. */
    static class Manager extends AuthorizationManager {

        /** Per command, as the engine keeps its list of all groups per command. */
        private final Map<List<String>, List<String>> filtered = new HashMap<>();

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return new ArrayList<>();
            }
            List<String> asked = authenticatedGroupIds.stream().filter(java.util.Objects::nonNull).distinct()
                    .toList();
            if (asked.isEmpty()) {
                return new ArrayList<>();
            }
            List<String> kept = filtered.computeIfAbsent(asked, groups -> {
                @SuppressWarnings("unchecked")
                Set<String> withAuthorizations = new HashSet<>(getDbEntityManager().selectList(STATEMENT, groups));
                return groups.stream().filter(withAuthorizations::contains).toList();
            });
            return new ArrayList<>(kept);
        }

        /** The engine's own answer (every group with an authorization, intersected), for the comparison test. */
        List<String> engineFilter(List<String> authenticatedGroupIds) {
            return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
        }
    }
}
