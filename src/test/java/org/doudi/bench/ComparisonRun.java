package org.doudi.bench;

import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.doudi.region.RegionService;
import org.doudi.test.RawHttp;
import org.doudi.test.ResidentIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The comparison part of the payment-roll benchmark (issue 11's target: 2 000 000 roster rows against 200 000
 * enrolments in ≤ 30 s with ≤ 1 GB heap; a rerun with nothing changed raises nothing). It replaces the roster-load
 * rounds' batches with six rosters of N rows in all over {@code POST /api/rosters} (poverty monitoring with incomes
 * around the 低保标准, disability grades, two medical-cost rows per person (住院 and 门诊) over 18 months, unemployment, education
 * assistance, vehicles — half the monitored and a tenth of the vehicles enrolled people), people shared between
 * rosters; then, interleaved in
 * rounds, a comparison run of the county over {@code POST /api/monitoring/runs} (waited for) and the grouping of the
 * same rows by resident ID alone by JDBC, the floor any comparison pays. The first run raises the warnings, the later
 * ones nothing.
 */
final class ComparisonRun {

    private static final Logger log = LoggerFactory.getLogger(ComparisonRun.class);

    private ComparisonRun() {
    }

    /** Share of the rows per roster, in thousandths. */
    private static final String[] SOURCES = { "POVERTY_MONITORING", "DISABILITY", "MEDICAL_EXPENSE", "UNEMPLOYMENT",
            "EDUCATION_ASSISTANCE", "VEHICLE" };
    private static final int[] SHARE = { 200, 150, 350, 100, 100, 100 };

    static void measure(ConfigurableApplicationContext app, int rows, int rounds, PaymentRollRun.Heap heap,
            Properties p) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        // The roster-load rounds' batches out of the way (housekeeping, not measured).
        jdbc.update("update roster_batch set status = 'WITHDRAWN'");
        jdbc.execute("truncate table roster_person");
        BigDecimal standard = app.getBean(RegionService.class).policyOf(RollSeed.COUNTY, YearMonth.now()).dibaoStandard();
        List<String> enrolled = jdbc.queryForList("select m.id_number from enrolment_member m join enrolment e on"
                + " e.id = m.enrolment_id where e.county_code = ? and m.covered = true order by m.id limit ?",
                String.class, RollSeed.COUNTY, Math.max(1, rows / 10));
        long t0 = System.nanoTime();
        int people = Math.max(1, rows / 2);
        int written = 0;
        for (int s = 0; s < SOURCES.length; s++) {
            int n = s == SOURCES.length - 1 ? rows - written : (int) ((long) rows * SHARE[s] / 1000);
            written += n;
            Path csv = Files.createTempFile("comparison-bench-", ".csv");
            try {
                write(csv, SOURCES[s], n, people, s, enrolled, standard);
                HttpResponse<String> a = client.send(RosterLoadRun.multipart(port, csv, SOURCES[s], "cmp-"
                        + UUID.randomUUID()), HttpResponse.BodyHandlers.ofString());
                if (a.statusCode() != 201) {
                    throw new IllegalStateException("POST /api/rosters answered " + a.statusCode() + ": "
                            + a.body().substring(0, Math.min(500, a.body().length())));
                }
            } finally {
                Files.deleteIfExists(csv);
            }
        }
        p.setProperty("comparison.upload.ms", String.valueOf((System.nanoTime() - t0) / 1_000_000));
        p.setProperty("comparison.rows", String.valueOf(jdbc.queryForObject("select count(*) from roster_person",
                Long.class)));
        jdbc.execute("analyze table roster_person, roster_batch");

        List<Long> run = new ArrayList<>();
        List<Long> alone = new ArrayList<>();
        List<String> raised = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            heap.start();
            t0 = System.nanoTime();
            JsonNode done = runAndWait(client, port);
            run.add((System.nanoTime() - t0) / 1_000_000);
            heap.stop("comparison", p);
            raised.add(done.path("warningsRaised").asText());
            p.setProperty("comparison.compared", done.path("compared").asText());
            p.setProperty("comparison.rules", done.path("rules").asText());

            // The run's working rows are deleted after its outcome is recorded: out of the way before the baseline.
            for (int i = 0; i < 600 && jdbc.queryForObject("select count(*) from monitoring_fact", Long.class) > 0; i++) {
                Thread.sleep(100);
            }
            t0 = System.nanoTime();
            Long groups = jdbc.queryForObject("select count(*) from (select p.id_number, count(*) as n from roster_person"
                    + " p join roster_batch b on b.id = p.batch_id where b.status = 'LOADED' and p.county_code = ?"
                    + " group by p.id_number) g", Long.class, RollSeed.COUNTY);
            alone.add((System.nanoTime() - t0) / 1_000_000);
            p.setProperty("comparison.groups", String.valueOf(groups));
            log.info("comparison round {}: run {} ms ({} warnings raised), grouping alone {} ms", r + 1, run.get(r),
                    raised.get(r), alone.get(r));
        }
        p.setProperty("comparison.run.ms", join(run));
        p.setProperty("comparison.alone.ms", join(alone));
        p.setProperty("comparison.raised", String.join(",", raised));
        p.setProperty("comparison.warnings", String.valueOf(jdbc.queryForObject(
                "select count(*) from monitoring_warning where county_code = ?", Long.class, RollSeed.COUNTY)));
        p.setProperty("comparison.byRule", String.join(", ", jdbc.query("select rule, count(*) from monitoring_warning"
                + " where county_code = ? group by rule order by rule", (rs, i) -> rs.getString(1) + " "
                        + rs.getLong(2), RollSeed.COUNTY)));
    }

    private static JsonNode runAndWait(HttpClient client, int port) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/monitoring/runs"))
                .timeout(Duration.ofMinutes(1)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"region\":\"" + RollSeed.COUNTY + "\"}"));
        RawHttp.basic("reviewer1", Http.PASSWORD).forEach(b::header);
        HttpResponse<String> a = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (a.statusCode() != 202) {
            throw new IllegalStateException("POST /api/monitoring/runs answered " + a.statusCode() + ": " + a.body());
        }
        String runId = Http.JSON.readTree(a.body()).path("runId").asText();
        for (;;) {
            Thread.sleep(100);
            HttpRequest.Builder g = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/monitoring/runs/" + runId)).timeout(Duration.ofSeconds(30)).GET();
            RawHttp.basic("reviewer1", Http.PASSWORD).forEach(g::header);
            JsonNode run = Http.JSON.readTree(client.send(g.build(), HttpResponse.BodyHandlers.ofString()).body());
            String status = run.path("status").asText();
            if ("DONE".equals(status)) {
                return run;
            }
            if (!"RUNNING".equals(status)) {
                throw new IllegalStateException("comparison run " + runId + " ended " + run);
            }
        }
    }

    /**
     * A roster of one source: person k of the source is person (k × stride + offset) of a pool of {@code people}, so
     * that the sources share people; vehicles are a tenth enrolled people.
     */
    private static void write(Path csv, String source, int n, int people, int s, List<String> enrolled,
            BigDecimal standard) throws Exception {
        LocalDate base = LocalDate.of(1940, 1, 1);
        LocalDate today = LocalDate.now();
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("idNumber,name,villageCode,category,amount,disabilityGrade,perCapitaIncome,date\n");
            boolean twice = "MEDICAL_EXPENSE".equals(source);
            for (int k = 0; k < n; k++) {
                int person = (int) (((long) (twice ? k / 2 : k) * (7 + 2 * s) + 13L * s) % people);
                boolean ofEnrolled = !enrolled.isEmpty() && ("VEHICLE".equals(source) && k % 10 == 0
                        || "POVERTY_MONITORING".equals(source) && k % 2 == 0);
                String id = ofEnrolled ? enrolled.get(("VEHICLE".equals(source) ? k / 10 : k / 2) % enrolled.size())
                        : ResidentIds.of(RollSeed.COUNTY, base.plusDays((person / 999) % 25_000), person % 999 + 1);
                w.write(id);
                w.write(",名单人员");
                w.write(Integer.toString(person));
                w.write(",");
                w.write(RollSeed.COUNTY + (100 + person % 20) + "201");
                w.write(",");
                switch (source) {
                    case "POVERTY_MONITORING" -> w.write(",,," + standard.multiply(BigDecimal.valueOf(5 + k % 20, 1))
                            .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + ",");
                    case "DISABILITY" -> w.write(",," + (1 + k % 4) + ",,");
                    case "MEDICAL_EXPENSE" -> w.write((k % 2 == 0 ? "住院" : "门诊") + "," + (k % 20) * 1000 + ".25,,,"
                            + today.minusMonths(k % 18));
                    case "UNEMPLOYMENT" -> w.write((k % 3 == 0 ? "有未成年子女" : "") + ",,,,");
                    default -> w.write(",,,,");
                }
                w.write("\n");
            }
        }
    }

    private static String join(List<Long> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
