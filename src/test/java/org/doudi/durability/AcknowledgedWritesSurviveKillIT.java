package org.doudi.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.doudi.test.Demo;
import org.doudi.test.ResidentIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Nothing that was answered 204 is lost when the process dies. The packaged application runs as a
 * JVM of its own (its embedded H2 file database in a fresh folder, or, with {@code -Pmysql}, a MySQL
 * database of its own); a burst of concurrent task completions and reserve-fund grants is sent over
 * HTTP as the demo users, the JVM is killed with SIGKILL in the middle of it, started again on the same
 * database, and every acknowledged write must be there: the case moved on, its task gone, the grant in
 * the ledger, the balance equal to the allocation less the grants. Requests that were in flight at the
 * kill may have committed or not; they must be all there or not at all.
 */
@Tag("slow")
class AcknowledgedWritesSurviveKillIT {

    private static final String TOWNSHIP = Demo.TOWNSHIP_A1;
    private static final BigDecimal GRANT = new BigDecimal("100");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Path WORK = Path.of("target", "kill-test");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();

    private Path dataDir;

    @AfterEach
    void stopWhatWeStartedAndRemoveItsData() throws Exception {
        // Only the JVMs this test started, by their own handles.
        for (Process p : started) {
            p.toHandle().destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        if (dataDir != null) {
            try (var files = Files.walk(dataDir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** One write of the burst: completing a task as the user whose inbox holds it. */
    record Write(String kind, String caseNumber, String taskId, String user, Map<String, Object> variables) {
    }

    /** What the client knows of a write: answered 204, answered otherwise, sent and unanswered, never sent. */
    enum Outcome { ACKNOWLEDGED, REFUSED, NO_ANSWER, NOT_SENT }

    @Test
    void everyAcknowledgedCompletionAndGrantSurvivesAKillInTheMiddleOfABurst() throws Exception {
        Files.createDirectories(WORK);
        dataDir = Files.createTempDirectory(WORK.toAbsolutePath(), "data-");
        String mysqlUrl = mysqlDatabaseUrl();
        if (mysqlUrl != null) {
            recreate(mysqlUrl);
        }

        App app = start(dataDir, mysqlUrl, "run-1");
        BigDecimal balanceBefore = fund(app).path("balance").decimalValue();
        List<Write> writes = prepare(app);

        Map<Write, Outcome> outcomes = burstAndKill(app, writes);
        long acknowledged = outcomes.values().stream().filter(o -> o == Outcome.ACKNOWLEDGED).count();
        System.out.printf("kill test: %d writes, %d acknowledged before the kill, %d refused, %d in flight, %d not sent%n",
                writes.size(), acknowledged, count(outcomes, Outcome.REFUSED), count(outcomes, Outcome.NO_ANSWER),
                count(outcomes, Outcome.NOT_SENT));
        assertThat(count(outcomes, Outcome.REFUSED)).as("refused writes").isZero();
        assertThat(acknowledged).as("acknowledged before the kill").isPositive();
        assertThat(count(outcomes, Outcome.NO_ANSWER) + count(outcomes, Outcome.NOT_SENT))
                .as("writes in flight or still to come at the kill").isPositive();

        App again = start(dataDir, mysqlUrl, "run-2");
        List<String> lost = new ArrayList<>();
        JsonNode fund = fund(again);
        Map<String, BigDecimal> granted = new HashMap<>();
        BigDecimal allocated = BigDecimal.ZERO;
        for (JsonNode e : fund.path("entries")) {
            switch (e.path("kind").asText()) {
                case "GRANT" -> granted.merge(e.path("caseNumber").asText(), e.path("amount").decimalValue(),
                        BigDecimal::add);
                case "REPLENISHMENT" -> allocated = allocated.add(e.path("amount").decimalValue());
                default -> lost.add("unexpected ledger entry " + e);
            }
        }
        for (Write w : writes) {
            JsonNode c = get(again, "admin", "/api/cases/" + w.caseNumber());
            String status = c.path("status").asText();
            boolean taskOpen = openTask(again, w);
            boolean done;
            if (w.kind().equals("grant")) {
                boolean inLedger = granted.containsKey(w.caseNumber());
                done = status.equals("PAPERWORK");
                if (inLedger != done || taskOpen == done) {
                    lost.add(w.caseNumber() + " half done: ledger " + inLedger + ", status " + status + ", task open "
                            + taskOpen);
                }
                if (inLedger) {
                    assertThat(granted.get(w.caseNumber())).isEqualByComparingTo(GRANT.negate());
                }
            } else {
                done = !status.equals("SUBMITTED") && hasStep(c, "ACCEPTANCE");
                if (taskOpen == done) {
                    lost.add(w.caseNumber() + " half done: status " + status + ", task open " + taskOpen);
                }
            }
            if (outcomes.get(w) == Outcome.ACKNOWLEDGED && !done) {
                lost.add(w.kind() + " of " + w.caseNumber() + " was answered 204 and is lost (status " + status + ")");
            }
        }
        System.out.printf("kill test: after the restart %d of %d acknowledged writes lost%n",
                lost.stream().filter(l -> l.contains("is lost")).count(), acknowledged);

        assertThat(lost).as("acknowledged writes lost or writes half done after kill -9").isEmpty();
        BigDecimal grants = granted.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(fund.path("balance").decimalValue()).isEqualByComparingTo(allocated.add(grants));
        assertThat(fund.path("balance").decimalValue()).isEqualByComparingTo(fund.path("ledgerSum").decimalValue());
        assertThat(fund.path("balance").decimalValue())
                .isEqualByComparingTo(balanceBefore.subtract(GRANT.multiply(BigDecimal.valueOf(granted.size()))));
    }

    // --- the burst -------------------------------------------------------------------------------

    /** Cases waiting at the two tasks of the burst: acceptance (three townships) and the emergency grant. */
    private List<Write> prepare(App app) throws Exception {
        List<Write> writes = new ArrayList<>();
        String[][] townships = {{Demo.CASEWORKER1, Demo.VILLAGE_A1}, {Demo.CASEWORKER2, Demo.VILLAGE_A2},
                {Demo.CASEWORKER9, Demo.VILLAGE_B1}};
        for (int i = 0; i < 24; i++) {
            String[] t = townships[i % townships.length];
            String n = apply(app, t[0], Map.of("programme", "DIBAO", "villageCode", t[1],
                    "applicant", applicant(), "members", List.of(), "reason", "因病致贫"));
            writes.add(new Write("acceptance", n, taskId(app, t[0], n, "Task_AcceptApplication"), t[0],
                    Map.of("accepted", Map.of("value", true))));
        }
        for (int i = 0; i < 16; i++) {
            String n = apply(app, Demo.CASEWORKER1, Map.of("programme", "TEMPORARY", "kind", "EMERGENCY",
                    "cause", "NATURAL_DISASTER", "villageCode", Demo.VILLAGE_A1, "applicant", applicant(),
                    "members", List.of(), "reason", "房屋倒塌"));
            HttpResponse<String> accepted = complete(app, Demo.CASEWORKER1,
                    taskId(app, Demo.CASEWORKER1, n, "Task_AcceptApplication"), Map.of("accepted", Map.of("value", true)));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
            writes.add(new Write("grant", n, taskId(app, Demo.CASEWORKER1, n, "Task_EmergencyGrant"),
                    Demo.CASEWORKER1, Map.of("grantAmount", Map.of("value", GRANT.intValue()))));
        }
        Collections.shuffle(writes, new Random(7));
        return writes;
    }

    /**
     * Sends all writes from eight threads and kills the JVM (SIGKILL) as soon as 40 % of them were
     * acknowledged, while the rest are in flight or still to come.
     */
    private Map<Write, Outcome> burstAndKill(App app, List<Write> writes) throws Exception {
        Map<Write, Outcome> outcomes = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch killNow = new CountDownLatch(1);
        int killAfter = writes.size() * 2 / 5;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        for (Write w : writes) {
            pool.submit(() -> {
                go.await();
                if (killed.get()) {
                    outcomes.put(w, Outcome.NOT_SENT);
                    return null;
                }
                Outcome outcome;
                try {
                    HttpResponse<String> r = complete(app, w.user(), w.taskId(), w.variables());
                    outcome = r.statusCode() == 204 ? Outcome.ACKNOWLEDGED : Outcome.REFUSED;
                    if (outcome == Outcome.REFUSED) {
                        System.out.printf("kill test: %s of %s refused: %d %s%n", w.kind(), w.caseNumber(),
                                r.statusCode(), r.body());
                    }
                } catch (IOException e) {
                    outcome = Outcome.NO_ANSWER;
                }
                outcomes.put(w, outcome);
                if (outcome == Outcome.ACKNOWLEDGED && acknowledged.incrementAndGet() >= killAfter) {
                    killNow.countDown();
                }
                return null;
            });
        }
        go.countDown();
        assertThat(killNow.await(120, TimeUnit.SECONDS)).as("%d writes acknowledged", killAfter).isTrue();
        killed.set(true);
        kill(app);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        writes.forEach(w -> outcomes.putIfAbsent(w, Outcome.NOT_SENT));
        return outcomes;
    }

    private static void kill(App app) throws Exception {
        ProcessHandle handle = app.process().toHandle();
        assertThat(handle.isAlive()).isTrue();
        // The process we started is the application's JVM itself (no shell in between): its PID is the
        // one the application logged at start.
        assertThat(handle.pid()).as("PID of the application JVM").isEqualTo(loggedPid(app.log()));
        // destroyForcibly is SIGKILL on Linux: no shutdown hook, no H2 close, no flush.
        assertThat(handle.destroyForcibly()).isTrue();
        assertThat(app.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(app.process().exitValue()).as("exit status of a JVM killed by SIGKILL").isEqualTo(128 + 9);
    }

    private static long count(Map<Write, Outcome> outcomes, Outcome o) {
        return outcomes.values().stream().filter(o::equals).count();
    }

    // --- the application as a process ------------------------------------------------------------

    /** The PID that Spring Boot logs at start: "Starting DoudiApplication … with PID 4711". */
    private static long loggedPid(Path log) throws IOException {
        Matcher m = Pattern.compile("Starting DoudiApplication .* with PID (\\d+)").matcher(Files.readString(log));
        assertThat(m.find()).as("start line in %s", log).isTrue();
        return Long.parseLong(m.group(1));
    }

    record App(Process process, int port, Path log) {
        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    private App start(Path dataDir, String mysqlUrl, String name) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"),
                "bin", "java").toString());
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(),
                "--server.port=" + port);
        pb.environment().put("DOUDI_DATA_DIR", dataDir.toString());
        pb.environment().put("DOUDI_DEMO", "true");
        if (mysqlUrl != null) {
            pb.environment().put("SPRING_PROFILES_ACTIVE", "mysql");
            pb.environment().put("DB_URL", mysqlUrl);
        } else {
            pb.environment().remove("SPRING_PROFILES_ACTIVE");
        }
        Path log = WORK.resolve(name + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = pb.start();
        started.add(process);
        App app = new App(process, port, log);
        // Ready once the demo users exist: the demo data is loaded after the start.
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .failFast("the application stopped (see " + log + ")", () -> !process.isAlive())
                .until(() -> ready(app));
        return app;
    }

    private boolean ready(App app) {
        try {
            return send(app, "admin", HttpRequest.newBuilder(app.uri("/api/me")).GET()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** The jar that {@code mvn package} built (failsafe passes its path). */
    private static Path jar() throws IOException {
        String given = System.getProperty("doudi.jar");
        if (given != null) {
            return Path.of(given).toAbsolutePath();
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "doudi-*.jar")) {
            for (Path p : jars) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("no target/doudi-*.jar: run mvn verify (or package first)");
    }

    /**
     * With {@code -Pmysql}, a database of this test's own beside the suite's ({@code <database>_crash}),
     * as {@code TwoNodeEscalationTest} derives its own; {@code null} on the embedded H2 run.
     */
    static String mysqlDatabaseUrl() {
        String profiles = System.getProperty("spring.profiles.active", "test");
        if (!profiles.contains("mysql")) {
            return null;
        }
        String url = System.getenv().getOrDefault("DB_URL", "jdbc:mysql://127.0.0.1:3306/doudi_test"
                + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&createDatabaseIfNotExist=true");
        String withDatabase = url.replaceFirst("(jdbc:mysql://[^/]+/)([^?]+)", "$1$2_crash");
        return withDatabase.contains("createDatabaseIfNotExist") ? withDatabase
                : withDatabase + (withDatabase.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true";
    }

    /** A fresh database for each run, so that the balance starts at the demo allocation. */
    private static void recreate(String url) throws Exception {
        Matcher m = Pattern.compile("(jdbc:mysql://[^/]+/)([^?]+)(.*)").matcher(url);
        assertThat(m.matches()).as(url).isTrue();
        String database = m.group(2);
        assertThat(database).matches("\\w+_crash");
        try (Connection c = DriverManager.getConnection(m.group(1) + m.group(3), System.getenv().getOrDefault(
                "DB_USER", "root"), System.getenv().getOrDefault("DB_PASSWORD", ""));
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
    }

    // --- HTTP ------------------------------------------------------------------------------------

    private HttpResponse<String> send(App app, String user, HttpRequest.Builder request) throws IOException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + Demo.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try {
            return client.send(request.header("Authorization", "Basic " + credentials)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private HttpResponse<String> post(App app, String user, String path, Object body) throws IOException {
        return send(app, user, HttpRequest.newBuilder(app.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    private JsonNode get(App app, String user, String path) throws IOException {
        HttpResponse<String> r = send(app, user, HttpRequest.newBuilder(app.uri(path)).GET());
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpResponse<String> complete(App app, String user, String taskId, Map<String, Object> variables)
            throws IOException {
        return post(app, user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    }

    private String apply(App app, String user, Map<String, Object> application) throws IOException {
        HttpResponse<String> r = post(app, user, "/api/applications", application);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).path("caseNumber").asText();
    }

    private static Map<String, Object> applicant() {
        return Map.of("name", "申请人", "idNumber", ResidentIds.ofAge(50), "phone", "13800000000");
    }

    private String taskId(App app, String user, String caseNumber, String taskKey) throws IOException {
        JsonNode found = get(app, user, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                + "&taskDefinitionKey=" + taskKey);
        assertThat(found).as("open %s of %s", taskKey, caseNumber).hasSize(1);
        return found.get(0).path("id").asText();
    }

    private boolean openTask(App app, Write w) throws IOException {
        String key = w.kind().equals("grant") ? "Task_EmergencyGrant" : "Task_AcceptApplication";
        return get(app, w.user(), "/engine-rest/task?processInstanceBusinessKey=" + w.caseNumber()
                + "&taskDefinitionKey=" + key).size() > 0;
    }

    private JsonNode fund(App app) throws IOException {
        return get(app, Demo.REVIEWER1, "/api/funds/" + TOWNSHIP);
    }

    private static boolean hasStep(JsonNode c, String step) {
        for (JsonNode t : c.path("timeline")) {
            if (t.path("step").asText().equals(step)) {
                return true;
            }
        }
        return false;
    }
}
