package org.doudi.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.doudi.shared.RefusedSubmission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.read.ListAppender;

/**
 * The filter in a logback context of its own, logged to as the engine logs ENGINE-16004 (message
 * arguments, the exception last): refusals are dropped, everything else keeps its level and stack.
 */
class RefusedSubmissionFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void setUp() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        RefusedSubmissionFilter filter = new RefusedSubmissionFilter();
        filter.setContext(context);
        filter.start();
        context.addTurboFilter(filter);
        events.setContext(context);
        events.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(events);
    }

    private void engineLogs(Throwable t) {
        context.getLogger("org.camunda.bpm.engine.context")
                .error("ENGINE-16004 Exception while closing command context: {}", t.getMessage(), t);
    }

    @Test
    void dropsTheEnginesErrorForARefusedSubmission() {
        engineLogs(new RefusedSubmission(List.of("accepted"), "表单填写有误"));
        engineLogs(new FormFieldValidationException("grantAmount", "备用金余额不足"));
        assertThat(events.list).isEmpty();
    }

    @Test
    void keepsEveryOtherEngineFailureWithItsStackTrace() {
        engineLogs(new ProcessEngineException("database down"));
        engineLogs(new IllegalStateException("bug in a delegate"));
        assertThat(events.list).hasSize(2);
        assertThat(events.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNotNull());
    }

    @Test
    void keepsARefusalLoggedByAnyoneElse() {
        context.getLogger("org.doudi.cases").warn("refused", new FormFieldValidationException("x", "y"));
        context.getLogger("org.camunda.bpm.engine.context").debug("debug refused {}", "x",
                new FormFieldValidationException("x", "y"));
        assertThat(events.list).hasSize(2);
    }
}
