package org.doudi.cases.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.doudi.cases.TaskAnswers;
import org.junit.jupiter.api.Test;

class TaskPreparationTest {

    @Test
    void aTaskClearsTheFieldsOfEveryOwnerThatNamesItEachOnce() {
        TaskAnswers contract = () -> Map.of("Task_A", List.of("decision", "opinion"), "Task_B", List.of("amount"));
        TaskAnswers feature = () -> Map.of("Task_A", List.of("appraisal", "opinion"));

        Map<String, List<String>> answers = TaskPreparation.collect(List.of(contract, feature));

        assertThat(answers).containsOnlyKeys("Task_A", "Task_B");
        assertThat(answers.get("Task_A")).containsExactly("decision", "opinion", "appraisal");
        assertThat(answers.get("Task_B")).containsExactly("amount");
    }
}
