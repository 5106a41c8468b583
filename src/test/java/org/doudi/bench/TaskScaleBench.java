package org.doudi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.doudi.DoudiApplication;
import org.doudi.test.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scale benchmark of issue 9 (bench/README.md): {@code mvn -Pbench verify -Dbench.tasks=50000}. Recreates
 * its database, boots the application on it, seeds real cases through the API, multiplies them in SQL, then
 * measures interleaved and writes one table to bench/results/.
 */
@Tag("bench")
class TaskScaleBench {

    private static final Logger log = LoggerFactory.getLogger(TaskScaleBench.class);

    static final int TASKS = Integer.getInteger("bench.tasks", 50_000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", TASKS >= 20_000 ? 15 : 5);
    static final int ESCALATIONS = Integer.getInteger("bench.escalations",
            Math.max(20, (int) Math.min(10_000, TASKS * 10_000L / 250_000)));
    static final int STEPS = Integer.getInteger("bench.steps", TASKS >= 20_000 ? 15 : 4);
    /** Reuse the seeded database of an earlier run (no recreation, no seeding): for measuring a change quickly. */
    static final boolean REUSE = Boolean.getBoolean("bench.reuse");
    static final String DB = System.getenv().getOrDefault("BENCH_DB", "doudi_bench");
    static final Path ROOT = Path.of(System.getProperty("bench.root", "."));

    private static ConfigurableApplicationContext app;
    private static long startMillis;

    private final Map<String, String> facts = new LinkedHashMap<>();
    private final Rounds rounds = new Rounds();
    private Http http;
    private JdbcTemplate jdbc;
    private NamedParameterJdbcTemplate named;

    @BeforeAll
    static void boot() throws Exception {
        if (!DB.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("BENCH_DB " + DB);
        }
        if (!REUSE) {
            try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/", "root", "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DB);
                s.execute("CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
        }
        long t0 = System.nanoTime();
        app = new SpringApplicationBuilder(DoudiApplication.class, StatementCounter.class).run("--server.port=0");
        startMillis = (System.nanoTime() - t0) / 1_000_000;
        log.info("application started on {} in {} ms", DB, startMillis);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void benchmark() throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        http = new Http(port);
        jdbc = app.getBean(JdbcTemplate.class);
        named = new NamedParameterJdbcTemplate(jdbc);
        facts.put("application start", startMillis + " ms");
        if (!REUSE) {
            seedAndMultiply();
        }
        describeData();
        measureQueries();
        measureSteps();
        measureJobs();
        String table = Report.write(ROOT, TASKS, facts, rounds.stats(), jdbc);
        System.out.println(table);
        assertThat(rounds.stats()).as("measurements").isNotEmpty();
        rounds.stats().forEach((k, s) -> assertThat(s.error).as("probe %s", k).isNull());
    }

    // --- seed ---------------------------------------------------------------------------------------

    private void seedAndMultiply() throws Exception {
        Seeder seeder = new Seeder(http, app.getBean(ManagementService.class), app.getBean(RuntimeService.class), jdbc);
        int seedCases = Integer.getInteger("bench.seed", Math.max(10, Math.min(200, TASKS / 250)));
        long t0 = System.nanoTime();
        List<Seeder.SeedCase> seeded = seeder.seed(seedCases);
        long seedMs = (System.nanoTime() - t0) / 1_000_000;
        long seedTasks = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
        Multiplier multiplier = new Multiplier(jdbc);
        t0 = System.nanoTime();
        multiplier.createRegions();
        int copies = (int) Math.max(0, (TASKS + seedTasks - 1) / seedTasks - 1);
        long tasks = multiplier.multiply(copies);
        jdbc.execute("analyze table ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_RU_AUTHORIZATION, ACT_RU_VARIABLE, ACT_RU_JOB, ACT_RU_EXECUTION, open_task, assistance_case");
        long multiplyMs = (System.nanoTime() - t0) / 1_000_000;
        facts.put("seed through the API", "%d cases (%d open tasks) in %.1f s".formatted(seeded.size(), seedTasks, seedMs / 1000.0));
        facts.put("multiplied in SQL", "%d copies → %d open tasks in %.1f s".formatted(copies, tasks, multiplyMs / 1000.0));
        log.info("seed {} ms, multiplication {} ms, {} open tasks", seedMs, multiplyMs, tasks);
    }

    private void describeData() {
        facts.put("open user tasks", count("select count(*) from ACT_RU_TASK"));
        facts.put("tasks of township 130102100 (caseworker1)", count(
                "select count(*) from ACT_RU_IDENTITYLINK where TYPE_ = 'candidate' and GROUP_ID_ = 'township-130102100'"));
        facts.put("tasks of county 130102 (reviewer1's group county-130102)", count(
                "select count(*) from ACT_RU_IDENTITYLINK where TYPE_ = 'candidate' and GROUP_ID_ = 'county-130102'"));
        facts.put("open tasks in county 130102 (all levels)", count("select count(*) from open_task where county_code = '130102'"));
        facts.put("overdue open tasks", count("select count(*) from ACT_RU_TASK where DUE_DATE_ < now()"));
        facts.put("townships with open tasks", count("select count(distinct township_code) from open_task"));
        facts.put("timer jobs", count("select count(*) from ACT_RU_JOB where TYPE_ = 'timer'"));
        facts.put("authorizations", count("select count(*) from ACT_RU_AUTHORIZATION"));
        facts.put("variables", count("select count(*) from ACT_RU_VARIABLE"));
        facts.put("steps of the open tasks", String.join(", ", jdbc.query(
                "select TASK_DEF_KEY_, count(*) from ACT_RU_TASK group by TASK_DEF_KEY_ order by 2 desc",
                (rs, i) -> rs.getString(1) + " " + rs.getLong(2))));
    }

    private String count(String sql) {
        return String.valueOf(jdbc.queryForObject(sql, Long.class));
    }

    // --- queries ------------------------------------------------------------------------------------

    private static final String TASKLIST_BODY = """
            {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"orQueries":[],\
            "sorting":[{"sortBy":"dueDate","sortOrder":"asc"}],"active":true}""";

    private void measureQueries() throws Exception {
        List<Rounds.Probe> probes = new ArrayList<>();
        for (String user : List.of("caseworker1", "reviewer1")) {
            String inbox = filterId(user, "组内待办");
            probes.add(new Rounds.Probe("tasklist.list." + user, () -> ok(http.webapp(user, "POST",
                    "/camunda/api/engine/engine/default/filter/" + inbox + "/list?firstResult=0&maxResults=15",
                    TASKLIST_BODY, "application/hal+json"))));
            probes.add(new Rounds.Probe("tasklist.menu." + user, () -> ok(http.webapp(user, "GET",
                    "/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true", null, "application/json"))));
            probes.add(new Rounds.Probe("tasklist.count." + user, () -> ok(http.webapp(user, "GET",
                    "/camunda/api/engine/engine/default/filter/" + inbox + "/count", null, "application/json"))));
            List<String> groups = jdbc.queryForList("select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?", String.class, user);
            Map<String, Object> p = Map.of("user", user, "groups", groups, "group", groups.get(0), "now", new Date(),
                    "limit", 15, "offset", 0);
            String listPath = "/camunda/api/engine/engine/default/filter/" + inbox + "/list?firstResult=0&maxResults=15";
            StatementCounter.Sent list = sent(() -> http.webapp(user, "POST", listPath, TASKLIST_BODY, "application/hal+json"), false);
            StatementCounter.Sent count = sent(() -> http.webapp(user, "GET",
                    "/camunda/api/engine/engine/default/filter/" + inbox + "/count", null, "application/json"), true);
            // The list request's display variables and its narrowing of the user's groups, as sent now, next to the
            // engine's own statements for the same question (its variable statement recorded with the engine's
            // mapping put back; its group statement has no parameters).
            StatementCounter.Sent variables = sentOfKind(() -> http.webapp(user, "POST", listPath, TASKLIST_BODY,
                    "application/hal+json"), "variables");
            StatementCounter.Sent stockVariables = withEngineStatements(() -> sentOfKind(() -> http.webapp(user,
                    "POST", listPath, TASKLIST_BODY, "application/hal+json"), "variables"));
            StatementCounter.Sent ourGroups = sentOfKind(() -> http.webapp(user, "POST", listPath, TASKLIST_BODY,
                    "application/hal+json"), "authorization checks", "distinct(a.group_id_)");
            probes.add(new Rounds.Probe("sql.doudi.variables." + user, () -> again(variables)));
            probes.add(new Rounds.Probe("sql.stock.variables." + user, () -> again(stockVariables)));
            probes.add(new Rounds.Probe("sql.doudi.groups." + user, () -> again(ourGroups)));
            probes.add(new Rounds.Probe("sql.doudi.list." + user, () -> again(list)));
            probes.add(new Rounds.Probe("sql.stock.list." + user, () -> sql("stock", "inbox-list", p)));
            probes.add(new Rounds.Probe("sql.doudi.count." + user, () -> again(count)));
            probes.add(new Rounds.Probe("sql.stock.count." + user, () -> sql("stock", "inbox-count", p)));
        }
        probes.add(new Rounds.Probe("sql.stock.groups", () -> {
            jdbc.queryForList("SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A", String.class);
            return true;
        }));
        probes.add(new Rounds.Probe("rest.candidateGroup.county", () -> ok(http.get("reviewer1",
                "/engine-rest/task?candidateGroup=county-130102&sortBy=dueDate&sortOrder=asc&maxResults=50"))));
        probes.add(new Rounds.Probe("rest.candidateGroup.township", () -> ok(http.get("caseworker1",
                "/engine-rest/task?candidateGroup=township-130102100&sortBy=dueDate&sortOrder=asc&maxResults=50"))));
        Map<String, Object> county = Map.of("user", "reviewer1", "groups", List.of("county-130102"), "group", "county-130102",
                "now", new Date(), "limit", 50, "offset", 0);
        Map<String, Object> township = Map.of("user", "caseworker1", "groups", List.of("township-130102100"),
                "group", "township-130102100", "now", new Date(), "limit", 50, "offset", 0);
        StatementCounter.Sent countyList = sent(() -> http.get("reviewer1",
                "/engine-rest/task?candidateGroup=county-130102&sortBy=dueDate&sortOrder=asc&maxResults=50"), false);
        StatementCounter.Sent townshipList = sent(() -> http.get("caseworker1",
                "/engine-rest/task?candidateGroup=township-130102100&sortBy=dueDate&sortOrder=asc&maxResults=50"), false);
        probes.add(new Rounds.Probe("sql.doudi.candidateGroup.county", () -> again(countyList)));
        probes.add(new Rounds.Probe("sql.stock.candidateGroup.county", () -> sql("stock", "candidate-group", county)));
        probes.add(new Rounds.Probe("sql.doudi.candidateGroup.township", () -> again(townshipList)));
        probes.add(new Rounds.Probe("sql.stock.candidateGroup.township", () -> sql("stock", "candidate-group", township)));
        probes.add(new Rounds.Probe("supervision.county", () -> ok(http.get("supervisor1", "/api/supervision/overdue?region=130102"))));
        probes.add(new Rounds.Probe("supervision.township", () -> ok(http.get("tsupervisor1", "/api/supervision/overdue?region=130102100"))));
        probes.add(new Rounds.Probe("supervision.county.paged", () -> present(http.get("supervisor1",
                "/api/supervision/overdue?region=130102&page=0&size=50"), "page")));
        probes.add(new Rounds.Probe("supervision.township.paged", () -> present(http.get("tsupervisor1",
                "/api/supervision/overdue?region=130102100&page=0&size=50"), "page")));
        // A name of a case of township 130102100 (a copy, so it is unique).
        String name = jdbc.queryForObject("select applicant_name from assistance_case where township_code = '130102100'"
                + " and status <> 'APPROVED' order by id desc limit 1", String.class);
        String caseNumber = jdbc.queryForObject("select case_number from assistance_case where township_code = '130102100'"
                + " order by id desc limit 1", String.class);
        String q = URLEncoder.encode(name, StandardCharsets.UTF_8);
        probes.add(new Rounds.Probe("rest.byApplicantName", () -> ok(http.get("caseworker1",
                "/engine-rest/task?processVariables=applicantName_eq_" + q))));
        Map<String, Object> byName = Map.of("user", "caseworker1", "groups", List.of("township-130102100"), "name", name,
                "now", new Date(), "limit", Integer.MAX_VALUE, "offset", 0);
        probes.add(new Rounds.Probe("sql.stock.byApplicantName", () -> sql("stock", "by-variable", byName)));
        probes.add(new Rounds.Probe("search.byName", () -> present(http.get("caseworker1", "/api/cases?q=" + q), null)));
        probes.add(new Rounds.Probe("search.byCaseNumber", () -> present(http.get("caseworker1", "/api/cases?q=" + caseNumber), null)));
        // A full resident ID of a person of a case made through the application (its keyed hash is the real one;
        // the copies' are made unique in SQL), searched as a county reviewer over the whole county.
        String idNumber = jdbc.queryForObject("select applicant_id_number from assistance_case where id < 1000000"
                + " and county_code = '130102' order by id limit 1", String.class);
        probes.add(new Rounds.Probe("search.byIdNumber", () -> {
            RawHttp.Answer a = http.get("reviewer1", "/api/cases?q=" + idNumber);
            if (!present(a, null)) {
                return false;
            }
            if (Http.ok(a, "search by ID").path("total").asLong() != 1) {
                throw new IllegalStateException("the search by a seeded applicant's ID did not find exactly his case");
            }
            return true;
        }));
        facts.put("name searched", name + " (case " + caseNumber + ")");
        rounds.run(probes, 1, ROUNDS);
        // The same requests again, in rounds without the stock statements: those read the task and authorization
        // tables for seconds and push the inboxes' pages out of the buffer pool between two probes, which is not
        // what a server answering only Doudi's queries sees. Both are reported.
        List<Rounds.Probe> alone = probes.stream().filter(p -> !p.key().startsWith("sql.stock."))
                .map(p -> new Rounds.Probe(p.key() + ".alone", p.call())).toList();
        rounds.run(alone, 1, ROUNDS);
        for (String user : List.of("caseworker1", "reviewer1")) {
            profileListRequest(user, filterId(user, "组内待办"));
        }
    }

    /**
     * Where the time of Tasklist's list request goes: every statement it sends, timed at the DataSource and grouped
     * by what it reads, medians over {@link #ROUNDS} requests (after one warm-up); what is left of the request's time
     * is spent outside the database (the REST resource, HAL and JSON, the webapp's filters, HTTP).
     */
    private void profileListRequest(String user, String filter) {
        String path = "/camunda/api/engine/engine/default/filter/" + filter + "/list?firstResult=0&maxResults=15";
        Map<String, List<Double>> byKind = new LinkedHashMap<>();
        Map<String, Integer> statementsByKind = new LinkedHashMap<>();
        List<Double> requests = new ArrayList<>();
        List<Double> inDatabase = new ArrayList<>();
        for (int r = -1; r < ROUNDS; r++) {
            StatementCounter.record();
            long t0 = System.nanoTime();
            Http.ok(http.webapp(user, "POST", path, TASKLIST_BODY, "application/hal+json"), "list of " + user);
            double ms = (System.nanoTime() - t0) / 1e6;
            List<StatementCounter.Sent> sent = StatementCounter.stop();
            if (r < 0) {
                continue;
            }
            requests.add(ms);
            if (r == ROUNDS - 1) {
                keep(user, sent);
            }
            inDatabase.add(sent.stream().mapToDouble(StatementCounter.Sent::millis).sum());
            Map<String, Double> kinds = new LinkedHashMap<>();
            statementsByKind.clear();
            for (StatementCounter.Sent s : sent) {
                kinds.merge(kind(s.sql()), s.millis(), Double::sum);
                statementsByKind.merge(kind(s.sql()), 1, Integer::sum);
            }
            kinds.forEach((k, v) -> byKind.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        StringBuilder b = new StringBuilder("request %.1f ms, in the database %.1f ms:".formatted(median(requests),
                median(inDatabase)));
        byKind.forEach((k, v) -> b.append(" %s %d× %.1f;".formatted(k, statementsByKind.getOrDefault(k, 0), median(v))));
        facts.put("Tasklist list request of " + user + ", statements timed at the DataSource (medians of "
                + ROUNDS + ")", b.toString());
        log.info("list request of {}: {}", user, b);
    }

    /** The statements of one list request with their parameters and times, for EXPLAIN: target/bench-list-USER.sql. */
    private static void keep(String user, List<StatementCounter.Sent> sent) {
        StringBuilder b = new StringBuilder();
        for (StatementCounter.Sent s : sent) {
            b.append("-- %.2f ms, parameters %s%n%s;%n%n".formatted(s.millis(), s.params(), s.sql().strip()));
        }
        try {
            Files.writeString(ROOT.resolve("target/bench-list-" + user + ".sql"), b);
        } catch (java.io.IOException e) {
            log.warn("statements of the list request not written: {}", e.getMessage());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    /** What a statement reads, for the list request's profile (the task query names several tables: first). */
    static String kind(String sql) {
        String q = sql.toLowerCase().replaceAll("\\s+", " ").trim();
        if (q.contains("act_ru_task res")) {
            return q.startsWith("select count") ? "task count" : "task query";
        }
        for (String[] k : new String[][] {{"act_ru_variable", "variables"}, {"act_ru_filter", "filter"},
                {"act_re_procdef", "process definitions"}, {"act_re_case_def", "case definitions"},
                {"act_id_user", "users"}, {"act_id_group", "groups"}, {"act_id_membership", "memberships"},
                {"act_id_tenant", "tenants"}, {"act_ru_identitylink", "identity links"},
                {"act_ru_authorization", "authorization checks"}}) {
            if (q.contains(k[0])) {
                return k[1];
            }
        }
        return q.substring(0, Math.min(40, q.length()));
    }

    /**
     * The engine's task query as the application sends it now for this request (recorded at the DataSource, with
     * its parameters): the list's select, or the count.
     */
    private static StatementCounter.Sent sent(java.util.function.Supplier<RawHttp.Answer> request, boolean count) {
        StatementCounter.record();
        Http.ok(request.get(), "request");
        List<StatementCounter.Sent> sent = StatementCounter.stop();
        return sent.stream().filter(x -> {
            String q = x.sql().toLowerCase().replaceAll("\\s+", " ");
            return q.contains("act_ru_task res") && q.startsWith("select count") == count;
        }).findFirst().orElseThrow(() -> new IllegalStateException("no task query among " + sent.size() + " statements"));
    }

    /** The first statement of that kind (and containing that text) that the request sends. */
    private static StatementCounter.Sent sentOfKind(java.util.function.Supplier<RawHttp.Answer> request, String kind,
            String... containing) {
        StatementCounter.record();
        Http.ok(request.get(), "request");
        List<StatementCounter.Sent> sent = StatementCounter.stop();
        return sent.stream().filter(x -> kind(x.sql()).equals(kind))
                .filter(x -> java.util.Arrays.stream(containing).allMatch(c -> x.sql().toLowerCase().contains(c)))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + kind + " among " + sent.size()
                        + " statements"));
    }

    /** Runs with the engine's own variable statements: Doudi's mapping of them taken out for the call. */
    private static <T> T withEngineStatements(java.util.function.Supplier<T> action) {
        org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) app
                .getBean(ProcessEngine.class).getProcessEngineConfiguration()).getDbSqlSessionFactory();
        Map<String, String> ours = sessions.getStatementMappings();
        Map<String, String> engine = new java.util.HashMap<>(ours);
        engine.remove("selectVariableInstanceByQueryCriteria");
        engine.remove("selectVariableInstanceCountByQueryCriteria");
        sessions.setStatementMappings(engine);
        try {
            return action.get();
        } finally {
            sessions.setStatementMappings(ours);
        }
    }

    private boolean again(StatementCounter.Sent sent) {
        jdbc.queryForList(sent.sql(), sent.params().toArray());
        return true;
    }

    private String filterId(String user, String name) {
        JsonNode filters = Http.ok(http.webapp(user, "GET", "/camunda/api/engine/engine/default/filter?resourceType=Task",
                null, "application/json"), "filters of " + user);
        for (JsonNode f : filters) {
            if (name.equals(f.get("name").asText())) {
                return f.get("id").asText();
            }
        }
        throw new IllegalStateException("no filter " + name + " for " + user + ": " + filters);
    }

    private static boolean ok(RawHttp.Answer a) {
        Http.ok(a, "request");
        return true;
    }

    /** A request of an API that other work adds: absent (n/a) while it answers 404/400/405 or lacks the field. */
    private static boolean present(RawHttp.Answer a, String field) {
        if (a.status() == 404 || a.status() == 400 || a.status() == 405) {
            return false;
        }
        JsonNode body = Http.ok(a, "request");
        return field == null || body.has(field) || body.has("totalElements") || body.has("total");
    }

    /** Runs a stored SQL template (src/test/resources/bench/sql/&lt;kind&gt;/&lt;name&gt;.sql); n/a when there is none. */
    private boolean sql(String kind, String name, Map<String, Object> given) throws Exception {
        // The stock query's authorization constants, sent as parameters as the engine sends them: task resource 7,
        // READ 2; process definition 6, READ_TASK 64.
        Map<String, Object> params = new java.util.HashMap<>(given);
        params.putAll(Map.of("taskResource", 7, "read", 2, "definitionResource", 6, "readTask", 64));
        var resource = getClass().getResourceAsStream("/bench/sql/" + kind + "/" + name + ".sql");
        if (resource == null) {
            return false;
        }
        String sql;
        try (resource) {
            sql = new String(resource.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "").trim();
        }
        named.queryForList(sql, params);
        return true;
    }

    // --- steps --------------------------------------------------------------------------------------

    private static final String HOME_VISIT = """
            {"wageIncome": {"value": 300}, "employmentCost": {"value": 100}, "businessIncome": {"value": 0},
             "propertyIncome": {"value": 0}, "transferIncome": {"value": 0}, "rigidExpense": {"value": 0},
             "assetsWithinLimit": {"value": true}, "visitNotes": {"value": "两名工作人员入户核实"}}""";

    private void measureSteps() throws Exception {
        RepositoryService repository = app.getBean(RepositoryService.class);
        RuntimeService runtime = app.getBean(RuntimeService.class);
        // Three plain user tasks, no listeners; the home visit's form (deployed with it), so that the same fields pass
        // the gateway's form check and both steps travel the same HTTP path.
        BpmnModelInstance bare = Bpmn.createExecutableProcess("BenchBareProcess").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Bare_1").camundaCandidateGroups("township-130102100").camundaFormRef("form-home-visit")
                .camundaFormRefBinding("deployment")
                .userTask("Bare_2").camundaCandidateGroups("township-130102100").camundaFormRef("form-home-visit")
                .camundaFormRefBinding("deployment")
                .userTask("Bare_3").camundaCandidateGroups("township-130102100").endEvent().done();
        byte[] form;
        try (var in = getClass().getResourceAsStream("/forms/home-visit.form")) {
            form = in.readAllBytes();
        }
        repository.createDeployment().name("bench-bare").addModelInstance("bench-bare.bpmn", bare)
                .addInputStream("home-visit.form", new java.io.ByteArrayInputStream(form)).deploy();
        Seeder seeder = new Seeder(http, app.getBean(ManagementService.class), runtime, jdbc);
        List<String> doudiCases = new ArrayList<>();
        List<String> bareTasks = new ArrayList<>();
        for (int i = 0; i < STEPS + 1; i++) {
            doudiCases.add(seeder.homeVisitCase());
            String pi = runtime.startProcessInstanceByKey("BenchBareProcess", "bench-bare-" + i).getId();
            bareTasks.add(Http.ok(http.get("caseworker1", "/engine-rest/task?processInstanceId=" + pi), "bare task").get(0)
                    .get("id").asText());
        }
        int[] next = {0, 0};
        List<Rounds.Probe> probes = List.of(
                new Rounds.Probe("step.doudi", () -> {
                    String n = doudiCases.get(next[0]++);
                    String id = seeder.openTask("caseworker1", n).get("id").asText();
                    return counted("statements.doudi", () -> Http.ok(http.post("caseworker1",
                            "/engine-rest/task/" + id + "/complete", "{\"variables\": " + HOME_VISIT + "}"), "home visit " + n));
                }),
                new Rounds.Probe("step.bare", () -> {
                    String id = bareTasks.get(next[1]++);
                    return counted("statements.bare", () -> Http.ok(http.post("caseworker1",
                            "/engine-rest/task/" + id + "/complete", "{\"variables\": " + HOME_VISIT + "}"), "bare step"));
                }));
        rounds.run(probes, 1, STEPS);
    }

    private final Map<String, List<Long>> statements = new LinkedHashMap<>();

    private boolean counted(String key, Runnable r) {
        long before = StatementCounter.STATEMENTS.get();
        r.run();
        statements.computeIfAbsent(key, k -> new ArrayList<>()).add(StatementCounter.STATEMENTS.get() - before);
        return true;
    }

    // --- jobs ---------------------------------------------------------------------------------------

    private void measureJobs() throws Exception {
        statements.forEach((k, v) -> facts.put("SQL statements per step (" + k.substring(11) + ")",
                v.stream().sorted().toList().get(v.size() / 2) + " (median of " + v.size() + ")"));
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
                .getProcessEngineConfiguration();
        Map<String, Object> acquisition = Map.of("now", new Date(), "limit", 3, "lockOwner", "bench");
        List<Rounds.Probe> poll = List.of(
                new Rounds.Probe("sql.stock.jobAcquisition", () -> sql("stock", "job-acquisition", acquisition)));
        rounds.run(poll, 1, ROUNDS);

        // N tasks fall overdue at the same moment: their level-1 timers are due now; the job executor runs them.
        List<Map<String, Object>> victims = jdbc.queryForList("""
                select j.ID_ job, t.ID_ task from ACT_RU_JOB j join ACT_RU_TASK t on t.EXECUTION_ID_ = j.EXECUTION_ID_
                where j.TYPE_ = 'timer' and j.HANDLER_CFG_ like '%Escalation_Level1' and t.DUE_DATE_ > now()
                order by t.ID_ limit ?""", ESCALATIONS);
        int n = victims.size();
        List<String> jobIds = victims.stream().map(m -> (String) m.get("job")).toList();
        List<String> taskIds = victims.stream().map(m -> (String) m.get("task")).toList();
        long escalationsBefore = jdbc.queryForObject("select count(*) from escalation where level = 'LEVEL_1'", Long.class);
        Date now = new Date();
        for (int from = 0; from < n; from += 1000) {
            List<String> part = jobIds.subList(from, Math.min(n, from + 1000));
            named.update("update ACT_RU_JOB set DUEDATE_ = :now where ID_ in (:ids)", Map.of("now", now, "ids", part));
        }
        JobExecutor executor = config.getJobExecutor();
        // The test profile keeps the job executor off (camunda.bpm.job-execution.enabled: false), and then the
        // starter does not apply application.yaml's settings to it: apply them here, as a node runs them.
        org.springframework.core.env.Environment env = app.getEnvironment();
        String jobs = "camunda.bpm.job-execution.";
        executor.setMaxJobsPerAcquisition(env.getProperty(jobs + "max-jobs-per-acquisition", Integer.class,
                executor.getMaxJobsPerAcquisition()));
        executor.setWaitTimeInMillis(env.getProperty(jobs + "wait-time-in-millis", Integer.class, executor.getWaitTimeInMillis()));
        executor.setMaxWait(env.getProperty(jobs + "max-wait", Long.class, executor.getMaxWait()));
        if (executor instanceof org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor pool) {
            pool.setCorePoolSize(env.getProperty(jobs + "core-pool-size", Integer.class, pool.getCorePoolSize()));
            pool.setMaxPoolSize(env.getProperty(jobs + "max-pool-size", Integer.class, pool.getMaxPoolSize()));
            pool.setQueueSize(env.getProperty(jobs + "queue-capacity", Integer.class, pool.getQueueSize()));
        }
        facts.put("job executor", "%s, %s threads, %d jobs per acquisition, wait %d ms".formatted(
                executor.getClass().getSimpleName(),
                executor instanceof org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor pool
                        ? String.valueOf(pool.getMaxPoolSize()) : "?",
                executor.getMaxJobsPerAcquisition(), executor.getWaitTimeInMillis()));
        long t0 = System.nanoTime();
        executor.start();
        String inbox = filterId("reviewer1", "组内待办");
        List<Double> during = new ArrayList<>();
        long deadline = System.nanoTime() + 900_000_000_000L;
        long done = 0;
        while (System.nanoTime() < deadline) {
            long q0 = System.nanoTime();
            Http.ok(http.webapp("reviewer1", "POST", "/camunda/api/engine/engine/default/filter/" + inbox
                    + "/list?firstResult=0&maxResults=15", TASKLIST_BODY, "application/hal+json"), "inbox during escalation");
            during.add((System.nanoTime() - q0) / 1e6);
            done = jdbc.queryForObject("select count(*) from escalation where level = 'LEVEL_1'", Long.class) - escalationsBefore;
            if (done >= n) {
                break;
            }
            Thread.sleep(500);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        executor.shutdown();
        long distinct = named.queryForObject("select count(distinct task_id) from escalation where level = 'LEVEL_1' and task_id in (:ids)",
                Map.of("ids", taskIds), Long.class);
        long rows = named.queryForObject("select count(*) from escalation where level = 'LEVEL_1' and task_id in (:ids)",
                Map.of("ids", taskIds), Long.class);
        long left = named.queryForObject("select count(*) from ACT_RU_JOB where ID_ in (:ids)", Map.of("ids", jobIds), Long.class);
        facts.put("escalation: tasks falling overdue at once", String.valueOf(n));
        facts.put("escalation: all escalated after", "%.1f s (%d of %d; %d rows, %d distinct tasks, %d timers left)"
                .formatted(seconds, done, n, rows, distinct, left));
        facts.put("escalation: escalations per second", "%.1f".formatted(done / seconds));
        Rounds.Stats s = rounds.of("tasklist.list.reviewer1.duringEscalation");
        s.millis.addAll(during);
        assertThat(rows).as("each escalation fired once").isEqualTo(distinct);
        assertThat(done).as("all %d escalated within the time allowed", n).isEqualTo(n);
        facts.put("escalation check", rows == distinct && done == n ? "each task escalated exactly once" : "FAILED");
    }
}
