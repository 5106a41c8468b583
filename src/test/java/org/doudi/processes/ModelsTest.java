package org.doudi.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a process designer relies on: every model has its diagram (Modeler opens it laid out), every
 * user task routes to a group and has a Camunda Form with Chinese labels, and the contract's names are
 * where the contract says.
 */
class ModelsTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private final ObjectMapper json = new ObjectMapper();

    static Stream<Path> bpmnFiles() throws IOException {
        return Files.list(PROCESSES).filter(p -> p.toString().endsWith(".bpmn")).sorted();
    }

    static Stream<Path> formFiles() throws IOException {
        return Files.list(FORMS).filter(p -> p.toString().endsWith(".form")).sorted();
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyElementIsLaidOutInTheDiagram(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Bpmn.validateModel(model);
        Set<String> shapes = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
        Set<String> edges = new HashSet<>();
        model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));
        model.getModelElementsByType(FlowNode.class).forEach(n -> assertThat(shapes).as(file + " shape")
                .contains(n.getId()));
        model.getModelElementsByType(SequenceFlow.class).forEach(f -> assertThat(edges).as(file + " edge")
                .contains(f.getId()));
        for (Process p : model.getModelElementsByType(Process.class)) {
            assertThat(p.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of " + p.getId()).isNotBlank();
            assertThat(p.isExecutable()).isTrue();
        }
        for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
            assertThat(n.getId()).as("readable id in " + file).doesNotMatch("(Activity|Event|Gateway)_[0-9a-z]{7}");
        }
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyUserTaskHasAGroupAndADeployedCamundaForm(Path file) throws IOException {
        Set<String> formIds = new HashSet<>();
        for (Path form : formFiles().toList()) {
            formIds.add(json.readTree(form.toFile()).path("id").asText());
        }
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaCandidateGroups()).as(task.getId() + " group").matches("\\$\\{\\w+Routing\\.\\w+\\(execution\\)}");
            assertThat(task.getCamundaFormRef()).as(task.getId() + " form").isIn(formIds);
            assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
            assertThat(CHINESE.matcher(task.getName()).find()).as(task.getId() + " name").isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("formFiles")
    void everyFieldOfEveryFormHasAChineseLabel(Path file) throws IOException {
        JsonNode form = json.readTree(file.toFile());
        assertThat(form.path("schemaVersion").asInt()).isLessThanOrEqualTo(16);
        assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
        List<JsonNode> fields = form.findParents("key");
        assertThat(fields).isNotEmpty();
        for (JsonNode field : fields) {
            assertThat(CHINESE.matcher(field.path("label").asText()).find())
                    .as(file + " " + field.path("key").asText()).isTrue();
        }
        assertThat(form.toString()).contains("\"required\":true");
    }

    @Test
    void theStepsThatPayOrEnrolRunAsynchronouslyWithARetryCycle() {
        Map<String, String> steps = Map.of("AssistanceApplication.bpmn", "Task_Enrol",
                "TemporaryAssistance.bpmn", "Task_GrantFromCounty");
        steps.forEach((file, id) -> {
            BpmnModelInstance model = Bpmn.readModelFromFile(PROCESSES.resolve(file).toFile());
            org.camunda.bpm.model.bpmn.instance.ServiceTask step = model.getModelElementById(id);
            assertThat(step.isCamundaAsyncBefore()).as(id + " asyncBefore").isTrue();
            assertThat(Bpmn.convertToString(model)).contains("failedJobRetryTimeCycle");
        });
        assertThat(Bpmn.convertToString(Bpmn.readModelFromFile(PROCESSES.resolve("AssistanceApplication.bpmn")
                .toFile()))).as("the start-form registration is gone").doesNotContain("Task_RegisterApplication");
    }

    @Test
    void theContractsTaskIdsAreInTheModels() {
        BpmnModelInstance application = Bpmn.readModelFromFile(PROCESSES.resolve("AssistanceApplication.bpmn").toFile());
        BpmnModelInstance verification = Bpmn.readModelFromFile(PROCESSES.resolve("IncomeVerification.bpmn").toFile());
        for (String id : List.of("Task_AcceptApplication", "Task_TownshipReview", "Task_HandleObjection",
                "Task_CountyDecision")) {
            assertThat((Object) application.getModelElementById(id)).as(id).isInstanceOf(UserTask.class);
        }
        assertThat((Object) verification.getModelElementById("Task_HomeVisit")).isInstanceOf(UserTask.class);
        assertThat(application.getDefinitions().toString()).isNotNull();
        assertThat(Bpmn.convertToString(application)).contains("name=\"Msg_NoticeObjection\"");
    }
}
