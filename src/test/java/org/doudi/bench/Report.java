package org.doudi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** The benchmark's table: medians and p95 of every line, ratios side by side, the machine and the command. */
final class Report {

    /** A line of the table: what, the probe measured, and the probe it is compared with (or null). */
    private static final String ALONE = "interleaved with stock SQL";

    record Line(String what, String probe, String baseline, String baselineLabel) {
    }

    static final List<Line> LINES = List.of(
            new Line("Tasklist 组内待办 list (HTTP, HAL, 15 by due date), caseworker1", "tasklist.list.caseworker1", null, null),
            new Line("… its task query, SQL only: Doudi's engine vs stock 7.24 SQL", "sql.doudi.list.caseworker1", "sql.stock.list.caseworker1", "stock SQL"),
            new Line("Tasklist filter menu with counts (HTTP), caseworker1", "tasklist.menu.caseworker1", null, null),
            new Line("Tasklist 组内待办 count (HTTP), caseworker1", "tasklist.count.caseworker1", null, null),
            new Line("… its count, SQL only: Doudi's engine vs stock SQL", "sql.doudi.count.caseworker1", "sql.stock.count.caseworker1", "stock SQL"),
            new Line("… the list's display variables, SQL only: Doudi's vs the engine's statement", "sql.doudi.variables.caseworker1", "sql.stock.variables.caseworker1", "engine's statement"),
            new Line("… the user's groups with authorizations, SQL only: Doudi's vs the engine's (×5 per list request)", "sql.doudi.groups.caseworker1", "sql.stock.groups", "engine's statement"),
            new Line("Tasklist 组内待办 list (HTTP, HAL, 15 by due date), reviewer1", "tasklist.list.reviewer1", null, null),
            new Line("… its task query, SQL only: Doudi's engine vs stock 7.24 SQL", "sql.doudi.list.reviewer1", "sql.stock.list.reviewer1", "stock SQL"),
            new Line("Tasklist filter menu with counts (HTTP), reviewer1", "tasklist.menu.reviewer1", null, null),
            new Line("Tasklist 组内待办 count (HTTP), reviewer1", "tasklist.count.reviewer1", null, null),
            new Line("… its count, SQL only: Doudi's engine vs stock SQL", "sql.doudi.count.reviewer1", "sql.stock.count.reviewer1", "stock SQL"),
            new Line("… the list's display variables, SQL only: Doudi's vs the engine's statement", "sql.doudi.variables.reviewer1", "sql.stock.variables.reviewer1", "engine's statement"),
            new Line("`GET /engine-rest/task?candidateGroup=county-130102&sortBy=dueDate…&maxResults=50` (reviewer1)", "rest.candidateGroup.county", null, null),
            new Line("… SQL only: Doudi's engine vs stock SQL", "sql.doudi.candidateGroup.county", "sql.stock.candidateGroup.county", "stock SQL"),
            new Line("`GET /engine-rest/task?candidateGroup=township-130102100…` (caseworker1)", "rest.candidateGroup.township", null, null),
            new Line("… SQL only: Doudi's engine vs stock SQL", "sql.doudi.candidateGroup.township", "sql.stock.candidateGroup.township", "stock SQL"),
            new Line("`GET /api/supervision/overdue?region=130102` (supervisor1)", "supervision.county", "rest.candidateGroup.county", "engine candidateGroup query"),
            new Line("`GET /api/supervision/overdue?region=130102&page=0&size=50`", "supervision.county.paged", "supervision.county", "unpaged"),
            new Line("`GET /api/supervision/overdue?region=130102100` (tsupervisor1)", "supervision.township", "rest.candidateGroup.township", "engine candidateGroup query"),
            new Line("`GET /api/supervision/overdue?region=130102100&page=0&size=50`", "supervision.township.paged", "supervision.township", "unpaged"),
            new Line("tasks by applicant name `GET /engine-rest/task?processVariables=applicantName_eq_…` (caseworker1)", "rest.byApplicantName", "sql.stock.byApplicantName", "its stock SQL"),
            new Line("case search by name `GET /api/cases?q=<name>` (caseworker1)", "search.byName", "rest.byApplicantName", "engine variable query"),
            new Line("case search by case number `GET /api/cases?q=<number>`", "search.byCaseNumber", null, null),
            new Line("case search by full resident ID (keyed hash), reviewer1", "search.byIdNumber", null, null),
            new Line("a user-task step of Doudi (入户调查 → 乡镇初审, `POST /engine-rest/task/{id}/complete`)", "step.doudi", "step.bare", "bare 3-task process, same engine and path"),
            new Line("one job-acquisition poll (stock selectNextJobsToExecute SQL)", "sql.stock.jobAcquisition", null, null),
            new Line("Tasklist 组内待办 list, reviewer1, while the escalations run", "tasklist.list.reviewer1.duringEscalation", "tasklist.list.reviewer1", "quiet"),
            // the requests again in rounds of their own, without the stock statements between them
            new Line("Tasklist 组内待办 list, caseworker1 — rounds without stock SQL", "tasklist.list.caseworker1.alone", "tasklist.list.caseworker1", ALONE),
            new Line("Tasklist filter menu with counts, caseworker1 — rounds without stock SQL", "tasklist.menu.caseworker1.alone", "tasklist.menu.caseworker1", ALONE),
            new Line("Tasklist 组内待办 count, caseworker1 — rounds without stock SQL", "tasklist.count.caseworker1.alone", "tasklist.count.caseworker1", ALONE),
            new Line("Tasklist 组内待办 list, reviewer1 — rounds without stock SQL", "tasklist.list.reviewer1.alone", "tasklist.list.reviewer1", ALONE),
            new Line("Tasklist filter menu with counts, reviewer1 — rounds without stock SQL", "tasklist.menu.reviewer1.alone", "tasklist.menu.reviewer1", ALONE),
            new Line("Tasklist 组内待办 count, reviewer1 — rounds without stock SQL", "tasklist.count.reviewer1.alone", "tasklist.count.reviewer1", ALONE),
            new Line("`/engine-rest/task?candidateGroup=county-130102…` — rounds without stock SQL", "rest.candidateGroup.county.alone", "rest.candidateGroup.county", ALONE),
            new Line("`/engine-rest/task?candidateGroup=township-130102100…` — rounds without stock SQL", "rest.candidateGroup.township.alone", "rest.candidateGroup.township", ALONE),
            new Line("supervision, county, paged — rounds without stock SQL", "supervision.county.paged.alone", "supervision.county.paged", ALONE),
            new Line("supervision, township, paged — rounds without stock SQL", "supervision.township.paged.alone", "supervision.township.paged", ALONE),
            new Line("case search by name — rounds without stock SQL", "search.byName.alone", "search.byName", ALONE),
            new Line("case search by case number — rounds without stock SQL", "search.byCaseNumber.alone", "search.byCaseNumber", ALONE),
            new Line("case search by full resident ID — rounds without stock SQL", "search.byIdNumber.alone", "search.byIdNumber", ALONE));

    static String write(Path root, int tasks, Map<String, String> facts, Map<String, Rounds.Stats> stats, JdbcTemplate jdbc)
            throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# Scale benchmark, ").append(tasks).append(" open tasks (").append(LocalDate.now()).append(")\n\n");
        StringBuilder options = new StringBuilder();
        for (String o : List.of("bench.seed", "bench.rounds", "bench.steps", "bench.escalations", "bench.reuse")) {
            if (System.getProperty(o) != null) {
                options.append(" -D").append(o).append('=').append(System.getProperty(o));
            }
        }
        b.append("Command: `mvn -Pbench verify -Dbench.tasks=").append(tasks).append(options).append("` (bench/README.md). Machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(memory()).append(" RAM, ").append(jdbc.queryForObject("select version()", String.class))
                .append(" (InnoDB buffer pool ")
                .append(jdbc.queryForObject("select @@innodb_buffer_pool_size", Long.class) / (1024 * 1024)).append(" MB)")
                .append(", JDK ").append(System.getProperty("java.version")).append(", load average at the end ")
                .append(loadAverage()).append(".\n\n");
        b.append("| what | median ms | p95 ms | n | compared with | its median ms | ratio |\n|---|---:|---:|---:|---|---:|---:|\n");
        for (Line l : LINES) {
            Rounds.Stats s = stats.get(l.probe());
            Rounds.Stats base = l.baseline() == null ? null : stats.get(l.baseline());
            b.append("| ").append(l.what()).append(" | ").append(cell(s, true)).append(" | ").append(cell(s, false)).append(" | ")
                    .append(s == null || !s.measured() ? "" : String.valueOf(s.millis.size())).append(" | ")
                    .append(l.baselineLabel() == null ? "" : l.baselineLabel()).append(" | ")
                    .append(base == null ? "" : cell(base, true)).append(" | ")
                    .append(s != null && s.measured() && base != null && base.measured()
                            ? "%.2f×".formatted(s.median() / base.median()) : "")
                    .append(" |\n");
        }
        b.append("\nRatio: this line's median over the compared one's (below 1: faster). n/a: not in this version of Doudi.\n\n");
        b.append("| fact | value |\n|---|---|\n");
        facts.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v.replace("|", "/")).append(" |\n"));
        String text = b.toString();
        Path dir = root.resolve("bench/results");
        Files.createDirectories(dir);
        String size = tasks % 1000 == 0 ? (tasks / 1000) + "k" : String.valueOf(tasks);
        Files.writeString(dir.resolve("latest-" + size + ".md"), text);
        Files.writeString(dir.resolve(LocalDate.now() + "-" + size + ".md"), text);
        return text;
    }

    private static String cell(Rounds.Stats s, boolean median) {
        if (s == null || s.absent) {
            return "n/a";
        }
        if (s.error != null) {
            return "failed";
        }
        if (s.millis.isEmpty()) {
            return "–";
        }
        double v = median ? s.median() : s.p95();
        return v >= 100 ? "%.0f".formatted(v) : "%.1f".formatted(v);
    }

    private static String memory() {
        try {
            String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
            long kb = Long.parseLong(line.replaceAll("\\D", ""));
            return (kb / 1024 / 1024) + " GiB";
        } catch (Exception e) {
            return "? GiB";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
