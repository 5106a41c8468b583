package org.doudi.supervision;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.doudi.escalation.OpenTaskRepository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Open and overdue tasks per county, township and step, for {@code /actuator/prometheus}
 * ({@code doudi_tasks_open}, {@code doudi_tasks_overdue}); refreshed every 30 seconds from the
 * open-task read model. Escalations fired are counted by {@code doudi_escalations_total}.
 */
@Component
class WorkloadMetrics {

    private final OpenTaskRepository openTasks;
    private final Clock clock;
    private final MultiGauge open;
    private final MultiGauge overdue;

    WorkloadMetrics(OpenTaskRepository openTasks, Clock clock, MeterRegistry meters) {
        this.openTasks = openTasks;
        this.clock = clock;
        this.open = MultiGauge.builder("doudi.tasks.open").description("Open user tasks of cases")
                .register(meters);
        this.overdue = MultiGauge.builder("doudi.tasks.overdue").description("Open user tasks past their due date")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${doudi.metrics.refresh-millis:30000}", initialDelay = 5000)
    void refresh() {
        List<MultiGauge.Row<?>> openRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
        for (Object[] row : openTasks.counts(clock.instant())) {
            Tags tags = Tags.of("county", (String) row[0], "township", (String) row[1], "step", (String) row[2]);
            openRows.add(MultiGauge.Row.of(tags, ((Number) row[3]).longValue()));
            overdueRows.add(MultiGauge.Row.of(tags, row[4] == null ? 0 : ((Number) row[4]).longValue()));
        }
        open.register(openRows, true);
        overdue.register(overdueRows, true);
    }
}
