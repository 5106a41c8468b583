package org.doudi.cases.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.doudi.cases.CalledProcess;
import org.doudi.cases.InstanceBinding;
import org.doudi.cases.StepRefusedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One running instance per case, and only that instance acts. Adds to every process of every model
 * <em>built-in</em> listeners, which the engine runs even when a start or a modification asks it to
 * skip custom listeners ({@code skipCustomListeners}, as {@code /engine-rest} and Cockpit offer):
 * <ul>
 * <li>when an instance of a bound process starts, its {@link InstanceBinding} binds it to its case (or
 * referral) or refuses the start: no business key, an unknown case, a case that has its instance,
 * another programme;</li>
 * <li>when an instance of a {@link CalledProcess} starts, and before any activity of a guarded process
 * runs (a user task is created, a service task or call activity runs, an event waits, an end event is
 * reached), its root instance must be the one bound to the case, so that
 * {@code startBeforeActivity} on an instance that is not the case's own is refused.</li>
 * </ul>
 * A refusal is a {@link StepRefusedException}; the command rolls back with everything it did. The
 * binding is looked up once per transaction and instance (one indexed query), then remembered until
 * the transaction ends. Processes that no binding names are left alone.
 */
@Component
class InstanceGuard extends AbstractProcessEnginePlugin {

    /** The transaction resource holding what this transaction already knows about bindings. */
    private static final String SEEN = InstanceGuard.class.getName() + ".bindings";

    private final ObjectProvider<InstanceBinding> bindingBeans;
    private final ObjectProvider<CalledProcess> calledBeans;
    private volatile Registry registry;

    InstanceGuard(ObjectProvider<InstanceBinding> bindingBeans, ObjectProvider<CalledProcess> calledBeans) {
        this.bindingBeans = bindingBeans;
        this.calledBeans = calledBeans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        ExecutionListener started = this::instanceStarted;
        ExecutionListener stepping = this::stepStarting;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, started);
                guardActivities(processDefinition, stepping);
            }
        });
    }

    private static void guardActivities(ScopeImpl scope, ExecutionListener stepping) {
        for (ActivityImpl activity : scope.getActivities()) {
            // First, before the model's own listeners: nothing of the step runs in a foreign instance.
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, stepping, 0);
            guardActivities(activity, stepping);
        }
    }

    void instanceStarted(DelegateExecution execution) {
        ExecutionEntity instance = ((ExecutionEntity) execution).getProcessInstance();
        String key = instance.getProcessDefinition().getKey();
        Registry r = registry();
        if (!r.guards(key)) {
            return;
        }
        if (instance.getSuperExecution() != null) {
            requireBoundRoot(instance, r, null);
            return;
        }
        InstanceBinding binding = r.bindings().get(key);
        if (binding == null) {
            throw new StepRefusedException(null, "流程 " + key + " 只能由案件的办理流程调用，不能单独启动",
                    key + " only runs called by the process of a case");
        }
        binding.bind(key, instance.getBusinessKey(), instance.getId());
        seen().put(seenKey(key, instance.getBusinessKey(), instance.getId()), Boolean.TRUE);
    }

    void stepStarting(DelegateExecution execution) {
        ExecutionEntity instance = ((ExecutionEntity) execution).getProcessInstance();
        Registry r = registry();
        if (r.guards(instance.getProcessDefinition().getKey())) {
            requireBoundRoot(instance, r, execution.getCurrentActivityId());
        }
    }

    private void requireBoundRoot(ExecutionEntity instance, Registry r, String activityId) {
        ExecutionEntity root = instance.getSuperExecution() == null ? instance
                : Context.getCommandContext().getExecutionManager().findExecutionById(
                        instance.getRootProcessInstanceId());
        String rootKey = root.getProcessDefinition().getKey();
        String businessKey = root.getBusinessKey();
        InstanceBinding binding = r.bindings().get(rootKey);
        boolean bound = binding != null && Objects.equals(instance.getBusinessKey(), businessKey)
                && seen().computeIfAbsent(seenKey(rootKey, businessKey, root.getId()),
                        k -> binding.isBound(rootKey, businessKey, root.getId()));
        if (!bound) {
            String n = StepRefusedException.shown(businessKey);
            String step = activityId == null ? "启动" : "执行 " + activityId;
            throw new StepRefusedException(n.equals(businessKey) ? businessKey : null,
                    "流程实例 " + root.getId() + " 不是案件 " + n + " 的办理流程，不能" + step,
                    "instance " + root.getId() + " is not the one bound to case " + n + "; refused "
                            + (activityId == null ? "its start" : activityId));
        }
    }

    private static String seenKey(String processKey, String businessKey, String instanceId) {
        return processKey + '\n' + businessKey + '\n' + instanceId;
    }

    /** What this transaction already knows; forgotten when it ends, committed or not. */
    @SuppressWarnings("unchecked")
    private static Map<String, Boolean> seen() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        Map<String, Boolean> seen = (Map<String, Boolean>) TransactionSynchronizationManager.getResource(SEEN);
        if (seen == null) {
            seen = new HashMap<>();
            TransactionSynchronizationManager.bindResource(SEEN, seen);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SEEN);
                }
            });
        }
        return seen;
    }

    /**
     * The bindings, collected on first use: the plugin is created with the engine, before the beans
     * that bind (they need the engine's services).
     */
    private Registry registry() {
        Registry r = registry;
        if (r == null) {
            Map<String, InstanceBinding> bindings = new HashMap<>();
            bindingBeans.orderedStream().forEach(b -> b.processKeys().forEach(k -> bindings.put(k, b)));
            Set<String> called = new HashSet<>();
            calledBeans.orderedStream().forEach(c -> called.add(c.processKey()));
            r = new Registry(Map.copyOf(bindings), Set.copyOf(called));
            registry = r;
        }
        return r;
    }

    private record Registry(Map<String, InstanceBinding> bindings, Set<String> called) {
        boolean guards(String processKey) {
            return bindings.containsKey(processKey) || called.contains(processKey);
        }
    }
}
