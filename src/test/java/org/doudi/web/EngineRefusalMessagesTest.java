package org.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The engine's words and ids before a refusal's reason are dropped; for a person, the English half too. */
class EngineRefusalMessagesTest {

    @Test
    void theEnginesPrefixGoesAndForAPersonTheEnglishToo() {
        String form = "Cannot submit task form 4f1c2a9e-f2a4-11f1-bb9a-02fc00000001: 「申请救助项目」：请选择低保、特困或临时救助";
        assertThat(EngineRefusalMessages.shown(form, true)).isEqualTo("「申请救助项目」：请选择低保、特困或临时救助");
        String start = "Cannot instantiate process definition AssistanceApplication:3:9b1d-77: 案件 DB-2026-130102100-000001"
                + " 已有办理流程，不能再次启动 (case DB-2026-130102100-000001 already has its instance (process 9b1d))";
        assertThat(EngineRefusalMessages.shown(start, true)).isEqualTo("案件 DB-2026-130102100-000001 已有办理流程，不能再次启动");
        assertThat(EngineRefusalMessages.shown(start, false)).startsWith("案件 DB-2026-130102100-000001 已有办理流程")
                .endsWith("(process 9b1d))");
        String complete = "Cannot complete task 77aa-bb: 流程实例 x 不是案件 （业务键非案件编号） 的办理流程，不能执行 Task_X (instance x is not"
                + " the one bound to case y; refused Task_X)";
        assertThat(EngineRefusalMessages.shown(complete, true)).isEqualTo(
                "流程实例 x 不是案件 （业务键非案件编号） 的办理流程，不能执行 Task_X");
    }

    @Test
    void theEnginesOwnMessagesAreLeftAlone() {
        String engine = "Cannot complete task 77aa-bb: task is suspended";
        assertThat(EngineRefusalMessages.shown(engine, true)).isEqualTo(engine);
        assertThat(EngineRefusalMessages.shown("No matching task with id 77aa", true)).isEqualTo("No matching task with id 77aa");
    }
}
