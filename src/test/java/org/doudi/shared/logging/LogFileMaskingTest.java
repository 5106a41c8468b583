package org.doudi.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

/**
 * logback-spring.xml in a logback context of its own: with a log file configured (Spring Boot's
 * {@code LOG_FILE}, from {@code logging.file.name}), the file gets the masked line and stack trace too;
 * without one, no file appender exists.
 */
class LogFileMaskingTest {

    private static LoggerContext configured(Path logFile) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        if (logFile != null) {
            context.putProperty("LOG_FILE", logFile.toString());
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogFileMaskingTest.class.getResource("/logback-spring.xml"));
        return context;
    }

    @Test
    void theLogFileIsMaskedLikeTheConsoleStackTraceIncluded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("doudi.log");
        LoggerContext context = configured(file);
        try {
            context.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper").error(
                    "Duplicate entry '11010519491231002X-DIBAO' for key 'uk_participant', phone 13800000000",
                    new IllegalStateException("applicant 440524188001010014"));
        } finally {
            context.stop();
        }
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written).contains("110105********002X", "138****0000", "440524********0014",
                "java.lang.IllegalStateException", "SqlExceptionHelper");
        assertThat(written).doesNotContain("11010519491231002X", "13800000000", "440524188001010014");
    }

    @Test
    void withoutALogFileThereIsNoFileAppender() throws Exception {
        LoggerContext context = configured(null);
        try {
            assertThat(context.getLogger("ROOT").getAppender("FILE")).isNull();
            assertThat(context.getLogger("ROOT").getAppender("CONSOLE")).isNotNull();
        } finally {
            context.stop();
        }
    }
}
