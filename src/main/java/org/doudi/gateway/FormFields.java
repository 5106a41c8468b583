package org.doudi.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields a task's or a start event's Camunda Form submits: the variables a completion may carry.
 * Read from the form deployed with the process (never from a list in code), so that a designer's new
 * field is allowed as soon as it is deployed. Cached per process definition, which never changes.
 */
@Component
class FormFields {

    private final FormService forms;
    private final Map<String, Set<String>> cache = new ConcurrentHashMap<>();

    FormFields(FormService forms) {
        this.forms = forms;
    }

    /** The fields of the form of a task; empty when the task has no form. Call without an authenticated user. */
    Set<String> ofTask(String taskId, String processDefinitionId, String taskDefinitionKey) {
        return cache.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey,
                key -> read(() -> forms.getDeployedTaskForm(taskId)));
    }

    /** The fields of a process's start form; empty when it has none. */
    Set<String> ofStartForm(String processDefinitionId) {
        return cache.computeIfAbsent(processDefinitionId + "#start",
                key -> read(() -> forms.getDeployedStartForm(processDefinitionId)));
    }

    private interface FormSource {
        InputStream open();
    }

    private static Set<String> read(FormSource source) {
        try (InputStream in = source.open()) {
            if (in == null) {
                return Set.of();
            }
            JsonNode form = StrictJson.mapper().readTree(in);
            Set<String> fields = new LinkedHashSet<>();
            collect(form.path("components"), fields);
            return Collections.unmodifiableSet(fields);
        } catch (ProcessEngineException e) {
            // No deployed form (a task without one, or an embedded/generated form): nothing may be submitted.
            return Set.of();
        } catch (IOException e) {
            throw new IllegalStateException("deployed form is not readable JSON", e);
        }
    }

    /**
     * A field binds to the first segment of its key; a group or dynamic list with a path submits that
     * path as one variable (its children live inside it); a group without a path contributes its
     * children's keys.
     */
    static void collect(JsonNode components, Set<String> fields) {
        for (JsonNode c : components) {
            String path = c.path("path").asText("");
            String key = c.path("key").asText("");
            if (!path.isBlank()) {
                fields.add(firstSegment(path));
                continue;
            }
            if (!key.isBlank()) {
                fields.add(firstSegment(key));
            }
            if (c.has("components")) {
                collect(c.path("components"), fields);
            }
        }
    }

    private static String firstSegment(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}
