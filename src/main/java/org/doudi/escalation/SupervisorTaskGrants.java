package org.doudi.escalation;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.doudi.region.StaffRole;
import org.springframework.stereotype.Component;

/**
 * 督办 may hand overdue work to someone else: when a supervisor group (乡镇督办, 县级督办) becomes a candidate of
 * a task, the grant the engine writes for it carries READ and TASK_ASSIGN besides the candidates' TASK_WORK.
 * <p>
 * Written by the engine's authorization provider, in the same transaction and the same insert as the
 * candidate's grant. The escalations used to add the two permissions in a second transaction after the
 * commit (query the grant, update it): two commits per escalation, and a moment in which the supervisors
 * were candidates without the right to reassign (docs/scale.md, "Escalations per second"). Every other
 * group, and every user, gets exactly what the engine's default provider gives.
 */
@Component
class SupervisorTaskGrants extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    /** Whether a group is a supervisors' group of the contract (asked of the roles, not of a prefix). */
    static boolean supervisors(String groupId) {
        return StaffRole.TOWNSHIP_SUPERVISOR.regionOf(groupId) != null
                || StaffRole.COUNTY_SUPERVISOR.regionOf(groupId) != null;
    }

    /** The engine's default provider, with the supervisors' candidate grant widened. */
    static final class Provider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            AuthorizationEntity[] grants = super.newTaskGroupIdentityLink(task, groupId, type);
            if (grants == null || !IdentityLinkType.CANDIDATE.equals(type) || !supervisors(groupId)) {
                return grants;
            }
            for (AuthorizationEntity grant : grants) {
                if (grant != null && grant.getResourceType() == Resources.TASK.resourceType()
                        && task.getId().equals(grant.getResourceId())) {
                    grant.addPermission(Permissions.READ);
                    grant.addPermission(TaskPermissions.TASK_ASSIGN);
                }
            }
            return grants;
        }
    }
}
