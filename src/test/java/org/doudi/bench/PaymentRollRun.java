package org.doudi.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;

import org.doudi.DoudiApplication;
import org.doudi.region.AmountRule;
import org.doudi.region.RegionService;
import org.doudi.test.RawHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The payment-roll benchmark's own JVM ({@link PaymentRollBench} starts it with {@code -Xmx512m}): boots the
 * application on the benchmark database, seeds N enrolments in SQL ({@link RollSeed}), then, in interleaved rounds,
 * generates the roll of {@link RollSeed#MONTH} over HTTP as the county's reviewer and the same {@code INSERT … SELECT}
 * alone by JDBC, exports it over HTTP (XLSX, read to the end) and reads the same lines by a JDBC cursor alone. Heap:
 * the peak of the heap pools during each operation, and the most the heap held right after a collection (the live
 * data). Writes its figures as properties to the file named by its last argument.
 * <p>
 * Arguments: database, enrolments, rounds, results file.
 */
public final class PaymentRollRun {

    private static final Logger log = LoggerFactory.getLogger(PaymentRollRun.class);

    private static final String USER = "reviewer1";

    private PaymentRollRun() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        Properties p = new Properties();
        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DoudiApplication.class, StatementCounter.class)
                .run("--server.port=0", "--logging.level.org.doudi.payments=info",
                        "--logging.level.org.doudi.monitoring=info");
        p.setProperty("start.ms", String.valueOf(millis(t0)));
        int exit = 0;
        try {
            run(app, args[0], n, rounds, p);
        } catch (Throwable e) {
            log.error("payment roll benchmark failed", e);
            p.setProperty("error", String.valueOf(e));
            exit = 1;
        } finally {
            try (OutputStream o = Files.newOutputStream(out)) {
                p.store(o, "payment roll benchmark");
            }
            app.close();
        }
        System.exit(exit);
    }

    private static void run(ConfigurableApplicationContext app, String database, int n, int rounds, Properties p)
            throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        DataSource dataSource = app.getBean(DataSource.class);
        Heap heap = new Heap();
        p.setProperty("heap.max.mb", String.valueOf(Runtime.getRuntime().maxMemory() / (1024 * 1024)));

        long t0 = System.nanoTime();
        new RollSeed(jdbc).seed(n);
        p.setProperty("seed.ms", String.valueOf(millis(t0)));
        p.setProperty("enrolments", String.valueOf(jdbc.queryForObject(
                "select count(*) from enrolment where county_code = ?", Long.class, RollSeed.COUNTY)));
        p.setProperty("members", String.valueOf(jdbc.queryForObject("select count(*) from enrolment_member", Long.class)));
        p.setProperty("amountRows", String.valueOf(jdbc.queryForObject("select count(*) from enrolment_amount",
                Long.class)));
        AmountRule rule = app.getBean(RegionService.class).policyOf(RollSeed.COUNTY, RollSeed.MONTH).amountRule();
        RollSeed.Expected expected = RollSeed.expected(n, rule);

        String path = "/api/payment-rolls/" + RollSeed.COUNTY + "/" + RollSeed.MONTH;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        StatementCounter.Sent insert = null;
        StatementCounter.Sent read = null;
        List<Long> generate = new ArrayList<>();
        List<Long> insertAlone = new ArrayList<>();
        List<Long> export = new ArrayList<>();
        List<Long> readAlone = new ArrayList<>();
        long exportBytes = 0;
        for (int round = 0; round < rounds; round++) {
            // Generation over HTTP: the first round creates the roll (201), the others replace the draft (200).
            StatementCounter.record();
            heap.start();
            t0 = System.nanoTime();
            HttpResponse<String> g = client.send(request(port, path, "POST"), HttpResponse.BodyHandlers.ofString());
            generate.add(millis(t0));
            heap.stop("generate", p);
            List<StatementCounter.Sent> sent = StatementCounter.stop();
            if (g.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + " answered " + g.statusCode() + ": " + g.body());
            }
            if (insert == null) {
                insert = sent.stream().filter(s -> s.sql().startsWith("insert into payment_roll_line")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no INSERT … SELECT among " + sent.size()));
                p.setProperty("sql.insert", insert.sql().replaceAll("\\s+", " "));
                JsonNode roll = Http.JSON.readTree(g.body());
                p.setProperty("roll.households", roll.path("households").asText());
                p.setProperty("roll.people", roll.path("people").asText());
                p.setProperty("roll.total", roll.path("total").decimalValue().toPlainString());
                p.setProperty("roll.townships", String.valueOf(roll.path("byTownship").size()));
                p.setProperty("expected.households", String.valueOf(expected.lines()));
                p.setProperty("expected.people", String.valueOf(expected.people()));
                p.setProperty("expected.total", expected.total().toPlainString());
                check(roll, expected, jdbc);
            }
            p.setProperty("generate.statements", String.valueOf(sent.size()));
            p.setProperty("generate.breakdown." + (round + 1), breakdown(sent));
            p.setProperty("generate.insert.ms.inside", String.valueOf(sent.stream()
                    .filter(s -> s.sql().startsWith("insert into payment_roll_line")).mapToLong(s -> s.nanos()).sum()
                    / 1_000_000));

            // The same INSERT … SELECT alone, by JDBC, into the same (emptied) draft.
            long rollId = jdbc.queryForObject("select id from payment_roll where county_code = ? and pay_month = ? "
                    + "and sequence_no = 0", Long.class, RollSeed.COUNTY, RollSeed.MONTH.toString());
            jdbc.update("delete from payment_roll_line where roll_id = ?", rollId);
            t0 = System.nanoTime();
            int inserted = jdbc.update(insert.sql(), insert.params().toArray());
            insertAlone.add(millis(t0));
            if (inserted != expected.lines()) {
                throw new IllegalStateException("the INSERT … SELECT alone inserted " + inserted);
            }

            // The export over HTTP, read to its last byte.
            StatementCounter.record();
            heap.start();
            t0 = System.nanoTime();
            HttpResponse<InputStream> x = client.send(request(port, path + "/export", "GET"),
                    HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            try (InputStream in = x.body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int r; (r = in.read(buffer)) >= 0;) {
                    bytes += r;
                }
            }
            export.add(millis(t0));
            heap.stop("export", p);
            List<StatementCounter.Sent> exportSent = StatementCounter.stop();
            if (x.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + "/export answered " + x.statusCode());
            }
            exportBytes = bytes;
            if (read == null) {
                read = exportSent.stream().filter(s -> s.sql().contains("from payment_roll_line")
                        && s.sql().contains("order by")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no line cursor among " + exportSent.size()));
                p.setProperty("sql.read", read.sql().replaceAll("\\s+", " "));
            }

            // The same lines read alone by a JDBC cursor (every column of every row, streamed as the export does).
            JdbcTemplate streaming = new JdbcTemplate(dataSource);
            streaming.setFetchSize(Integer.MIN_VALUE);
            AtomicLong rows = new AtomicLong();
            AtomicLong checksum = new AtomicLong();
            t0 = System.nanoTime();
            streaming.query(read.sql(), (RowCallbackHandler) rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int c = 1; c <= columns; c++) {
                    Object v = rs.getObject(c);
                    checksum.addAndGet(v == null ? 0 : v.hashCode());
                }
                rows.incrementAndGet();
            }, read.params().toArray());
            readAlone.add(millis(t0));
            if (rows.get() != expected.lines()) {
                throw new IllegalStateException("the cursor alone read " + rows.get() + " lines");
            }
            log.info("round {}: generate {} ms (INSERT … SELECT alone {} ms), export {} ms, {} bytes (read alone {} ms)",
                    round + 1, generate.get(round), insertAlone.get(round), export.get(round), bytes,
                    readAlone.get(round));
        }
        p.setProperty("generate.ms", join(generate));
        p.setProperty("insertAlone.ms", join(insertAlone));
        p.setProperty("export.ms", join(export));
        p.setProperty("readAlone.ms", join(readAlone));
        p.setProperty("export.bytes", String.valueOf(exportBytes));

        // The same enrolments as the review schedule and a campaign see them (docs/reviews.md).
        ReviewScheduleRun.measure(app, rounds, p);

        // A roster of ten rows per enrolment uploaded, against MariaDB's own bulk load of the same file (docs/rosters.md).
        int rosterRows = Integer.getInteger("bench.rosterRows", n * 10);
        RosterLoadRun.measure(app, database, rosterRows, rounds, heap, p);

        // Rosters of as many rows compared with the enrolments (docs/monitoring.md).
        ComparisonRun.measure(app, rosterRows, rounds, heap, p);
    }

    /** The statements of a request that took 20 ms or more, with their times, in order. */
    private static String breakdown(List<StatementCounter.Sent> sent) {
        List<String> parts = new ArrayList<>();
        long rest = 0;
        for (StatementCounter.Sent s : sent) {
            long ms = s.nanos() / 1_000_000;
            if (ms >= 20) {
                String sql = s.sql().replaceAll("\\s+", " ").trim();
                parts.add("`" + (sql.length() > 60 ? sql.substring(0, 60) + "…" : sql) + "` " + ms + " ms");
            } else {
                rest += s.nanos();
            }
        }
        parts.add("the other " + (sent.size() - parts.size()) + " together " + rest / 1_000_000 + " ms");
        return String.join("; ", parts);
    }

    /** The roll's totals are those the seed's rules give, by BigDecimal, and the sum of its lines. */
    private static void check(JsonNode roll, RollSeed.Expected expected, JdbcTemplate jdbc) {
        BigDecimal total = roll.path("total").decimalValue();
        if (roll.path("households").asInt() != expected.lines() || roll.path("people").asInt() != expected.people()
                || total.compareTo(expected.total()) != 0) {
            throw new IllegalStateException("roll " + roll.path("households") + " lines, " + roll.path("people")
                    + " people, " + total + " 元; expected " + expected);
        }
        BigDecimal lines = jdbc.queryForObject("select sum(l.amount) from payment_roll_line l join payment_roll r on "
                + "r.id = l.roll_id where r.county_code = ? and r.pay_month = ? and r.sequence_no = 0", BigDecimal.class,
                RollSeed.COUNTY, RollSeed.MONTH.toString());
        if (lines.compareTo(total) != 0) {
            throw new IllegalStateException("the lines sum to " + lines + ", the roll says " + total);
        }
    }

    private static HttpRequest request(int port, String path, String method) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Http.TIMEOUT).method(method, HttpRequest.BodyPublishers.noBody());
        RawHttp.basic(USER, Http.PASSWORD).forEach(b::header);
        return b.build();
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String join(List<Long> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    /**
     * The heap during an operation: the sum of the heap pools' peak usage (reset at its start; an upper bound of the
     * heap in use at any moment, garbage included) and the most the heap held right after a collection (what was
     * alive), from the collectors' notifications.
     */
    static final class Heap {
        private final AtomicLong afterGc = new AtomicLong();
        private volatile boolean measuring;

        Heap() {
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (!measuring || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(notification.getType())) {
                        return;
                    }
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> isHeap(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    afterGc.accumulateAndGet(used, Math::max);
                }, null, null);
            }
        }

        private static boolean isHeap(String pool) {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
        }

        void start() {
            System.gc();
            afterGc.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            measuring = true;
        }

        void stop(String what, Properties p) {
            measuring = false;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(x -> x.getType() == MemoryType.HEAP)
                    .mapToLong(x -> x.getPeakUsage().getUsed()).sum();
            max(p, what + ".heap.peak.mb", peak / (1024 * 1024));
            max(p, what + ".heap.live.mb", afterGc.get() / (1024 * 1024));
        }

        private static void max(Properties p, String key, long value) {
            long before = Long.parseLong(p.getProperty(key, "0"));
            p.setProperty(key, String.valueOf(Math.max(before, value)));
        }
    }
}
