package org.doudi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The payment-roll benchmark of issue 10 (bench/README.md, "Payment rolls"): {@code mvn -Pbench verify
 * -Dtest=PaymentRollBench -Dbench.enrolments=200000} (without {@code bench.enrolments} it does not run, so that the
 * task benchmark's {@code mvn -Pbench verify} stays as it was). Recreates its database ({@code doudi_bench_roll}, or
 * {@code BENCH_ROLL_DB}), then runs {@link PaymentRollRun} in a JVM of its own limited to {@value #HEAP} of heap
 * (the target: a roll of 200 000 enrolments in ≤ 30 s with ≤ 512 MB heap on MySQL), and writes its figures, with the
 * machine and the command, to {@code bench/results/latest-payment-roll-<size>.md} (and a dated copy). Fails when
 * something crashes or the roll's totals differ from what the seed makes, never on slow figures.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "bench.enrolments", matches = "\\d+", disabledReason = "runs only when asked: "
        + "-Dtest=PaymentRollBench -Dbench.enrolments=200000 (the task benchmark's runs leave it out)")
class PaymentRollBench {

    static final String HEAP = "512m";
    static final int ENROLMENTS = Integer.getInteger("bench.enrolments", 200_000);
    static final int ROUNDS = Integer.getInteger("bench.rollRounds", ENROLMENTS >= 20_000 ? 3 : 2);
    static final String DB = System.getenv().getOrDefault("BENCH_ROLL_DB", "doudi_bench_roll");
    /** The roster's rows: ten per enrolment unless given (2 000 000 at 200 000 enrolments, the size). */
    static final int ROSTER_ROWS = Integer.getInteger("bench.rosterRows", ENROLMENTS * 10);
    static final Path ROOT = Path.of(System.getProperty("bench.root", "."));

    @Test
    void paymentRoll() throws Exception {
        if (!DB.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("BENCH_ROLL_DB " + DB);
        }
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/", "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
            s.execute("CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        String loadAtStart = loadAverage();
        Path results = Files.createTempFile("payment-roll-bench", ".properties");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-Dfile.encoding=UTF-8", "-Dbench.rosterRows=" + ROSTER_ROWS,
                "-Dspring.profiles.active=" + System.getProperty("spring.profiles.active", "test,mysql,bench"),
                "-cp", classPath(), PaymentRollRun.class.getName(), DB,
                String.valueOf(ENROLMENTS), String.valueOf(ROUNDS), results.toString()));
        // The child's output goes to a file: written straight into the fork's stdout it would garble surefire's channel.
        Path log = ROOT.resolve("target/payment-roll-bench.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("BENCH_DB", DB);
        Process child = pb.start();
        boolean done = child.waitFor(2, TimeUnit.HOURS);
        if (!done) {
            child.destroyForcibly();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(results)) {
            p.load(in);
        }
        String tail = tail(log);
        assertThat(done).as("the benchmark's JVM ended; its log ends with:%n%s", tail).isTrue();
        assertThat(p.getProperty("error")).as("the benchmark's JVM failed; its log ends with:%n%s", tail).isNull();
        assertThat(child.exitValue()).as("the benchmark JVM's exit; its log (%s) ends with:%n%s", log, tail).isZero();
        assertThat(p.getProperty("roll.total")).isEqualTo(p.getProperty("expected.total"));
        assertThat(p.getProperty("roll.households")).isEqualTo(p.getProperty("expected.households"));
        String table = write(p, loadAtStart);
        System.out.println(table);
    }

    /**
     * The test class path without empty entries: an empty entry is the working directory, whose {@code processes/}
     * the engine would deploy a second time next to the copy in {@code target/classes}.
     */
    private static String classPath() {
        return String.join(java.io.File.pathSeparator, Arrays.stream(System.getProperty("java.class.path")
                .split(java.io.File.pathSeparator)).filter(e -> !e.isBlank()).toList());
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }

    private static String write(Properties p, String loadAtStart) throws Exception {
        long[] generate = millis(p, "generate.ms");
        long[] insert = millis(p, "insertAlone.ms");
        long[] export = millis(p, "export.ms");
        long[] read = millis(p, "readAlone.ms");
        StringBuilder b = new StringBuilder();
        b.append("# Payment roll benchmark, ").append(ENROLMENTS).append(" enrolments (").append(LocalDate.now())
                .append(")\n\n");
        b.append("Command: `mvn -Pbench verify -Dtest=PaymentRollBench -Dbench.enrolments=").append(ENROLMENTS)
                .append(System.getProperty("bench.rollRounds") == null ? "" : " -Dbench.rollRounds=" + ROUNDS)
                .append("` (bench/README.md). The roll and the export run in a JVM of their own with `-Xmx").append(HEAP)
                .append("` (max heap ").append(p.getProperty("heap.max.mb")).append(" MB). Machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(memory())
                .append(" RAM, ").append(serverVersion()).append(", JDK ").append(System.getProperty("java.version"))
                .append(", load average at the start ").append(loadAtStart).append(", at the end ").append(loadAverage())
                .append(".\n\n");
        b.append("Roll of ").append(RollSeed.MONTH).append(", county ").append(RollSeed.COUNTY).append(": ")
                .append(p.getProperty("roll.households")).append(" lines (of ").append(p.getProperty("enrolments"))
                .append(" enrolments), ").append(p.getProperty("roll.people")).append(" people, ")
                .append(p.getProperty("roll.total")).append(" 元 in ").append(p.getProperty("roll.townships"))
                .append(" townships — equal to what the seed's rules give by BigDecimal (")
                .append(p.getProperty("expected.households")).append(" lines, ").append(p.getProperty("expected.total"))
                .append(" 元) and to the sum of the lines.\n\n");
        b.append("| what | ms per round | median ms | compared with | its median ms | ratio |\n|---|---|---:|---|---:|---:|\n");
        b.append(line("generate the roll: `POST /api/payment-rolls/130102/" + RollSeed.MONTH + "` as reviewer1 "
                + "(round 1 creates it, later rounds replace the draft)", generate,
                "the same `INSERT … SELECT` alone by JDBC (into the emptied draft)", insert));
        b.append(line("export it: `GET …/export` (XLSX, SXSSF, read to the end, " + p.getProperty("export.bytes")
                + " bytes)", export, "the same lines read alone by a JDBC cursor (every column)", read));
        long[] both = new long[generate.length];
        for (int i = 0; i < both.length; i++) {
            both[i] = generate[i] + export[i];
        }
        b.append(line("generate and export (target ≤ 30 000 ms at 200 000 enrolments)", both, null, null));
        b.append("\nRatio: this line's median over the compared one's.\n\n");
        b.append("| fact | value |\n|---|---|\n");
        b.append("| application start (512 MB JVM) | ").append(p.getProperty("start.ms")).append(" ms |\n");
        b.append("| seed in SQL (enrolments, members, amount rows and lines, cases, households) | ")
                .append(p.getProperty("seed.ms")).append(" ms: ").append(p.getProperty("enrolments"))
                .append(" enrolments, ").append(p.getProperty("members")).append(" members, ")
                .append(p.getProperty("amountRows")).append(" amount rows |\n");
        b.append("| heap during generation: peak of the heap pools / most held after a collection | ")
                .append(p.getProperty("generate.heap.peak.mb")).append(" MB / ")
                .append(p.getProperty("generate.heap.live.mb")).append(" MB |\n");
        b.append("| heap during the export: peak of the heap pools / most held after a collection | ")
                .append(p.getProperty("export.heap.peak.mb")).append(" MB / ").append(p.getProperty("export.heap.live.mb"))
                .append(" MB |\n");
        for (int r = 1; p.getProperty("generate.breakdown." + r) != null; r++) {
            b.append("| generation, round ").append(r).append(": its statements of 20 ms or more | ")
                    .append(p.getProperty("generate.breakdown." + r).replace("|", "/")).append(" |\n");
        }
        b.append("| SQL statements of one generation | ").append(p.getProperty("generate.statements"))
                .append(" (its `INSERT … SELECT` inside the request: ").append(p.getProperty("generate.insert.ms.inside"))
                .append(" ms in the last round) |\n");
        b.append("\nThe `INSERT … SELECT` as the application sent it (the county's rounding rule and the month's length"
                + " written into it):\n\n```sql\n").append(p.getProperty("sql.insert", "")).append("\n```\n\n")
                .append("The export's cursor:\n\n```sql\n").append(p.getProperty("sql.read", "")).append("\n```\n");
        b.append(reviews(p));
        b.append(rosters(p));
        b.append(comparison(p));
        String text = b.toString();
        Path dir = ROOT.resolve("bench/results");
        Files.createDirectories(dir);
        String size = ENROLMENTS % 1000 == 0 ? (ENROLMENTS / 1000) + "k" : String.valueOf(ENROLMENTS);
        Files.writeString(dir.resolve("latest-payment-roll-" + size + ".md"), text);
        Files.writeString(dir.resolve(LocalDate.now() + "-payment-roll-" + size + ".md"), text);
        return text;
    }

    /** The review schedule's figures ({@link ReviewScheduleRun}) on the same enrolments. */
    private static String reviews(Properties p) {
        StringBuilder b = new StringBuilder("\n## Review schedule and 回头看 on the same enrolments\n\n");
        b.append("A sixth of the enrolments (").append(p.getProperty("review.due"))
                .append(") made due today. One daily timer selects them (docs/reviews.md); the other design would "
                        + "keep a timer per enrolment in `ACT_RU_JOB`.\n\n");
        b.append("| what | ms per round | median ms | compared with | its median ms | ratio |\n|---|---|---:|---|---:|---:|\n");
        b.append(line("the day's selection: `ReviewCampaigns.createScheduled()` (`INSERT … SELECT` of "
                + p.getProperty("review.selected") + " due enrolments into a batch, rolled back)",
                millis(p, "review.select.ms"), "a count of the same rows alone", millis(p, "review.countAlone.ms")));
        double[] one = decimals(p, "review.poll.one.ms");
        double[] many = decimals(p, "review.poll.many.ms");
        b.append("| the job executor's acquisition poll (the engine's statement, median of 21 per round) with this "
                + "design's ").append(p.getProperty("review.timers.design")).append(" scheduler timer | ")
                .append(joinDecimals(one)).append(" | ").append("%.2f".formatted(median(one)))
                .append(" | the same poll with ").append(p.getProperty("review.timers.other"))
                .append(" timers more, one per enrolment | ").append("%.2f".formatted(median(many))).append(" | ")
                .append("%.2f×".formatted(median(many) / median(one))).append(" |\n");
        b.append("\n| 回头看 of township ").append(ReviewScheduleRun.TOWNSHIP).append(" | value |\n|---|---|\n");
        b.append("| `POST /api/review-campaigns` (selects, answers `201`; the reviews start in the background) | ")
                .append(p.getProperty("campaign.request.ms")).append(" ms, ").append(p.getProperty("campaign.selected"))
                .append(" selected |\n");
        b.append("| its reviews started chunk by chunk (one job each, run one after the other on a thread of their own) | ")
                .append(p.getProperty("campaign.started")).append(" started, ").append(p.getProperty("campaign.skipped"))
                .append(" passed over, in ").append(p.getProperty("campaign.start.ms")).append(" ms (")
                .append(p.getProperty("campaign.chunks")).append(" jobs) |\n");
        b.append("| `GET /api/enrolments?region=").append(ReviewScheduleRun.TOWNSHIP)
                .append("&size=20` median/p95 ms (requests) before the campaign | ")
                .append(p.getProperty("campaign.probe.before.ms")).append(" |\n");
        b.append("| … the same while its reviews start | ").append(p.getProperty("campaign.probe.during.ms"))
                .append(" |\n");
        return b.toString();
    }

    /** The roster upload against MariaDB's own bulk load ({@link RosterLoadRun}). */
    private static String rosters(Properties p) {
        long[] upload = millis(p, "roster.upload.ms");
        long[] load = millis(p, "roster.load.ms");
        int rows = Integer.parseInt(p.getProperty("roster.rows"));
        double uploadRate = rows / (median(upload) / 1000.0);
        double loadRate = rows / (median(load) / 1000.0);
        StringBuilder b = new StringBuilder("\n## Roster upload against MariaDB's bulk load\n\n");
        b.append("A roster CSV of ").append(rows).append(" rows (").append(p.getProperty("roster.bytes"))
                .append(" bytes, 1 % with a wrong check character), uploaded with `POST /api/rosters` (streamed, every "
                        + "row checked and written for MySQL's bulk load, loaded, repeats looked for) and loaded with "
                        + "`LOAD DATA LOCAL INFILE` into a copy of `roster_person` (its indexes, not its foreign key), "
                        + "without any check (docs/rosters.md). Target: ≥ 80 % of the bulk load's rate with ≤ 512 MB heap.\n\n");
        b.append("| what | ms per round | median ms | compared with | its median ms | ratio |\n|---|---|---:|---|---:|---:|\n");
        b.append(line("the upload (" + p.getProperty("roster.imported") + " loaded, " + p.getProperty("roster.rejected")
                + " refused)", upload, "`LOAD DATA LOCAL INFILE` of the same file", load));
        b.append("\n| fact | value |\n|---|---|\n");
        b.append("| rate: upload / bulk load | ").append("%.0f".formatted(uploadRate)).append(" / ")
                .append("%.0f".formatted(loadRate)).append(" rows/s = ").append("%.0f %%".formatted(100 * uploadRate
                        / loadRate)).append(" |\n");
        b.append("| heap during the upload: peak of the heap pools / most held after a collection | ")
                .append(p.getProperty("roster.heap.peak.mb")).append(" MB / ")
                .append(p.getProperty("roster.heap.live.mb")).append(" MB |\n");
        return b.toString();
    }

    /** The comparison runs against the grouping of the same rows alone ({@link ComparisonRun}). */
    private static String comparison(Properties p) {
        long[] run = millis(p, "comparison.run.ms");
        long[] alone = millis(p, "comparison.alone.ms");
        StringBuilder b = new StringBuilder("\n## Comparison runs (监测比对)\n\n");
        b.append(p.getProperty("comparison.rows")).append(" roster rows in six rosters (poverty monitoring, disability,"
                + " medical costs, unemployment, education assistance, vehicles; people shared between them, half the"
                + " monitored and a tenth of the vehicles enrolled people), uploaded in ").append(p.getProperty("comparison.upload.ms"))
                .append(" ms, compared with the enrolments by `POST /api/monitoring/runs` for the county (waited for"
                        + " over `GET /api/monitoring/runs/{id}`), against the grouping of the same rows by resident ID"
                        + " alone (docs/monitoring.md). The first run raises the warnings, the later ones (nothing"
                        + " changed) none. Target: ≤ 30 s with ≤ 1 GB heap.\n\n");
        b.append("| what | ms per round | median ms | compared with | its median ms | ratio |\n|---|---|---:|---|---:|---:|\n");
        b.append(line("a comparison run of the county", run, "`select count(*) from (… group by id_number)` alone",
                alone));
        b.append("\n| fact | value |\n|---|---|\n");
        b.append("| people compared / distinct IDs grouped | ").append(p.getProperty("comparison.compared"))
                .append(" / ").append(p.getProperty("comparison.groups")).append(" |\n");
        b.append("| warnings raised per round | ").append(p.getProperty("comparison.raised")).append(" |\n");
        b.append("| warnings by rule | ").append(p.getProperty("comparison.byRule")).append(" |\n");
        b.append("| rules | ").append(p.getProperty("comparison.rules")).append(" |\n");
        b.append("| heap during the runs: peak of the heap pools / most held after a collection | ")
                .append(p.getProperty("comparison.heap.peak.mb")).append(" MB / ")
                .append(p.getProperty("comparison.heap.live.mb")).append(" MB |\n");
        return b.toString();
    }

    private static double[] decimals(Properties p, String key) {
        return Arrays.stream(p.getProperty(key).split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static String joinDecimals(double[] values) {
        return String.join(", ", Arrays.stream(values).mapToObj(v -> "%.2f".formatted(v)).toList());
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    private static String line(String what, long[] ms, String baseline, long[] base) {
        double median = median(ms);
        StringBuilder b = new StringBuilder("| ").append(what).append(" | ")
                .append(String.join(", ", Arrays.stream(ms).mapToObj(String::valueOf).toList())).append(" | ")
                .append("%.0f".formatted(median)).append(" | ");
        if (baseline == null) {
            return b.append(" | | |\n").toString();
        }
        double baseMedian = median(base);
        return b.append(baseline).append(" | ").append("%.0f".formatted(baseMedian)).append(" | ")
                .append("%.2f×".formatted(median / baseMedian)).append(" |\n").toString();
    }

    private static long[] millis(Properties p, String key) {
        return Arrays.stream(p.getProperty(key).split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static double median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    private static String serverVersion() {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/", "root", "");
                Statement s = c.createStatement();
                var rs = s.executeQuery("select version(), @@innodb_buffer_pool_size")) {
            rs.next();
            return rs.getString(1) + " (InnoDB buffer pool " + rs.getLong(2) / (1024 * 1024) + " MB)";
        } catch (Exception e) {
            return "?";
        }
    }

    private static String memory() {
        try {
            String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
            return (Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024) + " GiB";
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
