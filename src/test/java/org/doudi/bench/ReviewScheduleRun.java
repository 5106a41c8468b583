package org.doudi.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.doudi.TimeConfig;
import org.doudi.periodicreview.PeriodicReviewProcess;
import org.doudi.periodicreview.ReviewCampaigns;
import org.doudi.test.RawHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review schedule's part of the payment-roll benchmark (issue 10: "200 000 enrolments must not mean 200 000
 * timers slowing job acquisition — choose the design and measure it"; "starting 10 000 reviews must not block the
 * request or the job executor for others"), on the enrolments {@link RollSeed} made, side by side in one run:
 * <ol>
 * <li>the daily selection of due reviews ({@link ReviewCampaigns#createScheduled}, one {@code INSERT … SELECT}, rolled
 * back each round) against a count of the same rows alone;</li>
 * <li>the job executor's acquisition poll (the engine's own statement) with the design's one timer, against the same
 * poll with a timer per enrolment added to {@code ACT_RU_JOB} (the design not taken), interleaved;</li>
 * <li>a 回头看 campaign of one township over HTTP: the request's time and how many it selected, then its reviews
 * started chunk by chunk on another thread (as the job executor would) while a case-search request is timed on this
 * one, against the same request's times before.</li>
 * </ol>
 */
final class ReviewScheduleRun {

    private static final Logger log = LoggerFactory.getLogger(ReviewScheduleRun.class);

    /** The township of the campaign: a twentieth of the seed (10 000 enrolments of 200 000). */
    static final String TOWNSHIP = RollSeed.COUNTY + "100";

    private ReviewScheduleRun() {
    }

    static void measure(ConfigurableApplicationContext app, int rounds, Properties p) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        ReviewCampaigns campaigns = app.getBean(ReviewCampaigns.class);
        TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        LocalDate today = LocalDate.now(TimeConfig.LEGAL_ZONE);

        // A sixth of the enrolments fall due today (the seed's all fall due in 2027).
        int due = jdbc.update("update enrolment set next_review_due = ? where mod(id, 6) = 0 and status in"
                + " ('ACTIVE', 'PHASING_OUT', 'SUSPENDED')", Date.valueOf(today));
        p.setProperty("review.due", String.valueOf(due));
        jdbc.execute("analyze table enrolment");

        List<Long> select = new ArrayList<>();
        List<Long> countAlone = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            int[] selected = new int[1];
            tx.executeWithoutResult(status -> {
                long id = campaigns.createScheduled().orElseThrow();
                selected[0] = jdbc.queryForObject("select selected from review_campaign where id = ?", Integer.class,
                        id);
                status.setRollbackOnly();
            });
            select.add(millis(t0));
            p.setProperty("review.selected", String.valueOf(selected[0]));
            t0 = System.nanoTime();
            jdbc.queryForObject("select count(*) from enrolment e where e.enrolment_number is not null and e.status in"
                    + " ('ACTIVE', 'PHASING_OUT', 'SUSPENDED') and e.next_review_due <= ?", Long.class,
                    Date.valueOf(today));
            countAlone.add(millis(t0));
        }
        p.setProperty("review.select.ms", join(select));
        p.setProperty("review.countAlone.ms", join(countAlone));

        // Acquisition with one timer (this design) and with one per enrolment (the other), interleaved.
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        String acquisition;
        try (var in = ReviewScheduleRun.class.getResourceAsStream("/bench/sql/stock/job-acquisition.sql")) {
            acquisition = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "").trim();
        }
        Map<String, Object> params = Map.of("now", new java.util.Date(), "limit", 3);
        p.setProperty("review.timers.design", String.valueOf(jdbc.queryForObject("select count(*) from ACT_RU_JOB"
                + " where TYPE_ = 'timer' and PROCESS_DEF_KEY_ = ?", Long.class, PeriodicReviewProcess.SCHEDULER_KEY)));
        List<Double> pollOne = new ArrayList<>();
        List<Double> pollMany = new ArrayList<>();
        long timers = 0;
        for (int r = 0; r < rounds; r++) {
            pollOne.add(poll(named, acquisition, params));
            timers = jdbc.update("insert into ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, RETRIES_, DUEDATE_,"
                    + " HANDLER_TYPE_, HANDLER_CFG_, SUSPENSION_STATE_, PRIORITY_, SEQUENCE_COUNTER_, CREATE_TIME_,"
                    + " PROCESS_DEF_KEY_) select concat('bench-review-timer-', e.id), 1, 'timer', 1, 3,"
                    + " timestamp(date_add(e.next_review_due, interval 1 + mod(e.id, 365) day)), 'timer-start-event',"
                    + " 'PeriodicReview', 1, 0, 1, now(), 'PeriodicReview' from enrolment e"
                    + " where e.status <> 'ENDED'");
            pollMany.add(poll(named, acquisition, params));
            jdbc.update("delete from ACT_RU_JOB where ID_ like 'bench-review-timer-%'");
        }
        p.setProperty("review.timers.other", String.valueOf(timers));
        p.setProperty("review.poll.one.ms", joinD(pollOne));
        p.setProperty("review.poll.many.ms", joinD(pollMany));

        campaign(app, p);
    }

    /** The poll's median over 21 runs, in ms. */
    private static double poll(NamedParameterJdbcTemplate named, String sql, Map<String, Object> params) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            long t0 = System.nanoTime();
            named.queryForList(sql, params);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(ms);
        return ms.get(ms.size() / 2);
    }

    private static void campaign(ConfigurableApplicationContext app, Properties p) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        ManagementService management = app.getBean(ManagementService.class);
        RuntimeService runtime = app.getBean(RuntimeService.class);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String probe = "/api/enrolments?region=" + TOWNSHIP + "&size=20";

        List<Double> before = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            before.add(timed(client, port, probe));
        }
        long t0 = System.nanoTime();
        HttpRequest post = request(port, "/api/review-campaigns", "POST",
                "{\"region\": \"" + TOWNSHIP + "\", \"note\": \"基准：回头看\"}");
        HttpResponse<String> created = client.send(post, HttpResponse.BodyHandlers.ofString());
        p.setProperty("campaign.request.ms", String.valueOf(millis(t0)));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST /api/review-campaigns answered " + created.statusCode() + ": "
                    + created.body());
        }
        var body = Http.JSON.readTree(created.body());
        long id = body.path("campaignId").asLong();
        p.setProperty("campaign.selected", body.path("selected").asText());
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("HK-" + id).singleResult()
                .getId();

        // The job executor's part on a thread of its own: the chunk jobs, one after the other, until none is left.
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        long[] chunks = new long[1];
        Thread executor = new Thread(() -> {
            try {
                for (;;) {
                    List<Job> jobs = management.createJobQuery().processInstanceId(instance).list();
                    if (jobs.isEmpty()) {
                        return;
                    }
                    for (Job j : jobs) {
                        management.executeJob(j.getId());
                        chunks[0]++;
                    }
                }
            } catch (Throwable e) {
                failed.set(e);
            } finally {
                done.set(true);
            }
        }, "bench-campaign");
        t0 = System.nanoTime();
        executor.start();
        List<Double> during = new ArrayList<>();
        while (!done.get()) {
            during.add(timed(client, port, probe));
            Thread.sleep(100);
        }
        executor.join();
        long startMs = millis(t0);
        if (failed.get() != null) {
            throw new IllegalStateException("the campaign's chunks failed", failed.get());
        }
        var progress = Http.JSON.readTree(client.send(request(port, "/api/review-campaigns/" + id, "GET", null),
                HttpResponse.BodyHandlers.ofString()).body());
        p.setProperty("campaign.started", progress.path("started").asText());
        p.setProperty("campaign.skipped", progress.path("skipped").asText());
        p.setProperty("campaign.start.ms", String.valueOf(startMs));
        p.setProperty("campaign.chunks", String.valueOf(chunks[0]));
        p.setProperty("campaign.probe.before.ms", stats(before));
        p.setProperty("campaign.probe.during.ms", stats(during));
        log.info("campaign {}: {} selected in {} ms, {} started in {} ms ({} chunks); probe before {}, during {}", id,
                p.getProperty("campaign.selected"), p.getProperty("campaign.request.ms"), progress.path("started"),
                startMs, chunks[0], stats(before), stats(during));
    }

    private static double timed(HttpClient client, int port, String path) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = client.send(request(port, path, "GET", null), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** "median/p95 (n)". */
    private static String stats(List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        double median = s.get(s.size() / 2);
        double p95 = s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.95) - 1));
        return "%.0f/%.0f (%d)".formatted(median, p95, s.size());
    }

    private static HttpRequest request(int port, String path, String method, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Http.TIMEOUT).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        RawHttp.basic("reviewer1", Http.PASSWORD).forEach(b::header);
        return b.build();
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String join(List<Long> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    private static String joinD(List<Double> values) {
        return String.join(",", values.stream().map(v -> "%.2f".formatted(v)).toList());
    }
}
