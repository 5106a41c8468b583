package org.doudi.monitoring;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.doudi.TimeConfig;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.RegionService;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.shared.ConflictException;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.OutsideScopeException;
import org.doudi.shared.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;

/**
 * Comparison runs (比对, docs/monitoring.md): everyone the rosters of a county (or a township) name, and everyone who
 * left 低保 or 特困 or was refused in the last 12 months there, compared with who is enrolled, in SQL over the whole
 * region at once. Each person's facts become a profile of bits ({@link Fact}); the warning rules
 * ({@link WarningRules}, a DMN table) are asked once per distinct profile; the warnings are then written set-based, one
 * statement per rule, leaving out whoever has an open warning of that rule or a closed one on the same facts. One run
 * per county at a time (the database refuses a second); a run is one transaction: its warnings are there whole or not
 * at all.
 */
@Service
public class ComparisonRuns {

    private static final Logger log = LoggerFactory.getLogger(ComparisonRuns.class);

    /** Who starts runs: county reviewers for their county or its townships, caseworkers for their township. */
    static final EnumSet<StaffRole> RUN_ROLES = EnumSet.of(StaffRole.COUNTY_REVIEWER, StaffRole.TOWNSHIP_CASEWORKER);
    /** The rosters of assistance counted for {@link Fact#MANY_ROSTERS}. */
    static final List<String> ASSISTANCE_ROSTERS = List.of("POVERTY_MONITORING", "POVERTY_REGISTRY", "DISABILITY",
            "MEDICAL_EXPENSE", "EDUCATION_ASSISTANCE", "HOUSING_ASSISTANCE", "UNEMPLOYMENT");
    /** An unemployment roster's {@code category} for a registered unemployed person with a dependant child. */
    static final List<String> DEPENDANT_CHILD = List.of("有未成年子女", "DEPENDANT_CHILD");

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;
    private final RegionService regions;
    private final MonitoringPolicies policies;
    private final WarningRules rules;
    private final MonitoringProperties properties;
    private final Clock clock;
    /** Counts a run's people beside it, on a connection of its own. */
    private final ExecutorService counter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "monitoring-count");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "monitoring-run");
        t.setDaemon(true);
        return t;
    });

    ComparisonRuns(JdbcTemplate jdbc, PlatformTransactionManager transactions, RegionService regions,
            MonitoringPolicies policies, WarningRules rules, MonitoringProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = new TransactionTemplate(transactions);
        this.regions = regions;
        this.policies = policies;
        this.rules = rules;
        this.properties = properties;
        this.clock = clock;
    }

    /** A run as {@code GET /api/monitoring/runs/{runId}} shows it. */
    public record Run(long runId, String region, String status, String trigger, String startedBy, Instant startedAt,
            Instant finishedAt, Integer compared, Integer warningsRaised, Double seconds, String rules,
            String message) {
    }

    /**
     * Starts a run over the region (a county's or a township's code) in the background and answers its id; 409 while
     * another run of the same county runs.
     */
    public long start(String regionCode, String trigger, StaffScope scope, String actor) {
        Region region = regionCode == null ? null : regions.find(regionCode.strip()).orElse(null);
        if (region == null || region.level() != RegionLevel.COUNTY && region.level() != RegionLevel.TOWNSHIP) {
            throw InvalidInputException.of("region", "「比对范围」须为一个县（6 位）或乡镇（9 位）的区划代码 / region must be a"
                    + " county or township code");
        }
        if (scope != null && !scope.hasRoleFor(RUN_ROLES, region.code())) {
            throw new OutsideScopeException("无权对 " + region.name() + " 发起比对 / you may not start a comparison there");
        }
        String county = region.code().substring(0, 6);
        Instant now = clock.instant();
        int released = jdbc.update("update monitoring_run set status = 'FAILED', running_county = null, finished_at = ?,"
                + " message = ? where running_county = ? and started_at < ?", Timestamp.from(now),
                "超过 " + properties.staleRunAfter().toMinutes() + " 分钟未结束，视为中断 (taken for dead)", county,
                Timestamp.from(now.minus(properties.staleRunAfter())));
        if (released > 0) {
            log.warn("monitoring: a run of county {} that never ended was marked FAILED", county);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(c -> {
                var s = c.prepareStatement("insert into monitoring_run (region_code, status, run_trigger, started_by,"
                        + " started_at, running_county) values (?, 'RUNNING', ?, ?, ?, ?)", new String[] { "id" });
                s.setString(1, region.code());
                s.setString(2, trigger);
                s.setString(3, actor);
                s.setTimestamp(4, Timestamp.from(now));
                s.setString(5, county);
                return s;
            }, key);
        } catch (DuplicateKeyException e) {
            Long running = running(county).orElse(null);
            throw new ConflictException("本县正在进行一次比对（编号 " + running + "），请待其结束后再发起 / run " + running
                    + " of this county is still running");
        }
        long runId = key.getKey().longValue();
        runner.submit(() -> execute(runId, region.code()));
        return runId;
    }

    /**
     * The schedule's runs ({@code MonitoringSchedule.bpmn}): one per county with loaded rosters, skipping a county
     * whose run is still running. Answers how many started.
     */
    public int startScheduled() {
        int started = 0;
        for (String county : jdbc.queryForList("select distinct county_code from roster_person order by county_code",
                String.class)) {
            try {
                start(county, "SCHEDULE", null, "system");
                started++;
            } catch (ConflictException running) {
                log.info("monitoring schedule: county {} skipped, a run is still running", county);
            } catch (RuntimeException e) {
                log.warn("monitoring schedule: county {} not started: {}", county, e.getMessage());
            }
        }
        return started;
    }

    /** The run, if the staff member may see its region. */
    public Run find(long runId, StaffScope scope) {
        List<Run> found = jdbc.query("select id, region_code, status, run_trigger, started_by, started_at, finished_at,"
                + " compared, warnings_raised, rules_version, message from monitoring_run where id = ?", (rs, i) -> {
                    Instant started = rs.getTimestamp(6).toInstant();
                    Timestamp f = rs.getTimestamp(7);
                    Instant finished = f == null ? null : f.toInstant();
                    return new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            started, finished, (Integer) rs.getObject(8, Integer.class),
                            (Integer) rs.getObject(9, Integer.class),
                            Duration.between(started, finished == null ? clock.instant() : finished).toMillis() / 1000.0,
                            rs.getString(10), rs.getString(11));
                }, runId);
        if (found.isEmpty() || scope != null && !scope.canSee(found.get(0).region())) {
            throw new NotFoundException("没有编号为 " + runId + " 的比对 / no comparison run " + runId);
        }
        return found.get(0);
    }

    /** Runs the comparison now on this thread (the background task, and tests). */
    void execute(long runId, String regionCode) {
        long t0 = System.nanoTime();
        try {
            Outcome o = tx.execute(s -> compare(runId, regionCode));
            jdbc.update("update monitoring_run set status = 'DONE', running_county = null, finished_at = ?, compared = ?,"
                    + " warnings_raised = ?, rules_version = ? where id = ?", Timestamp.from(clock.instant()),
                    o.compared, o.raised, o.rulesVersion, runId);
            log.info("monitoring run {} ({}): {} people compared, {} with warning facts, {} profiles, {} warnings raised"
                    + " in {} ms ({})", runId, regionCode, o.compared, o.staged, o.profiles, o.raised,
                    (System.nanoTime() - t0) / 1_000_000, o.phases);
        } catch (RuntimeException e) {
            log.error("monitoring run {} ({}) failed", runId, regionCode, e);
            jdbc.update("update monitoring_run set status = 'FAILED', running_county = null, finished_at = ?, message = ?"
                    + " where id = ?", Timestamp.from(clock.instant()), abbreviate(PersonalData.maskAll(failure(e))), runId);
        } finally {
            // The run's working rows go once its outcome is recorded (they are its own: no other run reads them).
            long d0 = System.nanoTime();
            jdbc.update("delete from monitoring_fact where run_id = ?", runId);
            jdbc.update("delete from monitoring_rule_profile where run_id = ?", runId);
            log.debug("monitoring run {}: working rows deleted in {} ms", runId, (System.nanoTime() - d0) / 1_000_000);
        }
    }

    private record Outcome(int compared, int staged, int profiles, int raised, String rulesVersion, String phases) {
    }

    private Outcome compare(long runId, String regionCode) {
        LocalDate today = TimeConfig.today(clock);
        String county = regionCode.substring(0, 6);
        MonitoringPolicy policy = policies.inForce(county, today);
        BigDecimal standard = regions.policyOf(county, YearMonth.from(today)).dibaoStandard();
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("run", runId).addValue("county", county)
                .addValue("township", regionCode.length() == 9 ? regionCode : null)
                .addValue("since", Date.valueOf(today.minusMonths(12)))
                .addValue("sinceAt", Timestamp.from(today.minusMonths(12).atStartOfDay(TimeConfig.LEGAL_ZONE).toInstant()))
                .addValue("line", standard).addValue("lineMultiple", standard.multiply(policy.incomeMultiple()))
                .addValue("medical", policy.medicalThreshold()).addValue("minRosters", policy.minRosters())
                .addValue("assistance", ASSISTANCE_ROSTERS).addValue("child", DEPENDANT_CHILD);
        String inRegion = regionCode.length() == 9 ? " and %1$s.township_code = :township" : "";
        StringBuilder phases = new StringBuilder();
        long t = System.nanoTime();
        // How many people the rosters name: counted on a connection of its own while the facts are gathered (the
        // database answers both at once; the run's transaction does not need the figure).
        java.util.concurrent.CompletableFuture<Integer> counted = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> named.queryForObject("select count(distinct p.id_number) from roster_person p join roster_batch b"
                        + " on b.id = p.batch_id where b.status = 'LOADED' and p.county_code = :county"
                        + inRegion.formatted("p"), p, Integer.class), counter);
        // First the few who left or were refused in the last 12 months, with everything the rosters say of them ...
        List<String> few = named.queryForList(("select m.id_number from enrolment e join enrolment_member m on"
                + " m.enrolment_id = e.id where e.county_code = :county%1$s and e.status = 'ENDED' and e.ended_at >="
                + " :sinceAt and m.covered = true and (e.end_reason is null or e.end_reason not in ('DEATH',"
                + " 'MOVED_AWAY')) union select a.applicant_id_number from assistance_case a where a.county_code ="
                + " :county%2$s and a.status = 'REJECTED' and a.closed_at >= :sinceAt and a.programme in ('DIBAO',"
                + " 'TEKUN')").formatted(inRegion.formatted("e"), inRegion.formatted("a")), p, String.class);
        int recorded = 0;
        for (int i = 0; i < few.size(); i += RECORD_CHUNK) {
            recorded += named.update(RECORD_FACTS.formatted(inRegion.formatted("p"), inRegion.formatted("e"),
                    inRegion.formatted("a")), new MapSqlParameterSource(p.getValues())
                            .addValue("few", few.subList(i, Math.min(few.size(), i + RECORD_CHUNK))));
        }
        t = phase(phases, "facts of who left or was refused", t);
        // ... then everyone else the rosters name.
        int staged = recorded + named.update(FACTS.formatted(inRegion.formatted("p")), p);
        t = phase(phases, "roster facts", t);
        Integer rosterPeople = counted.join();
        // ... and those who left or were refused, on no roster.
        int others = 0;
        for (String id : few) {
            Integer rows = named.queryForObject("select count(*) from roster_person r join roster_batch b on b.id ="
                    + " r.batch_id where r.id_number = :id and b.status = 'LOADED' and r.county_code = :county",
                    new MapSqlParameterSource("id", id).addValue("county", county), Integer.class);
            others += rows == null || rows == 0 ? 1 : 0;
        }
        int compared = (rosterPeople == null ? 0 : rosterPeople) + others;
        t = phase(phases, "people counted", t);
        List<Integer> profiles = jdbc.queryForList("select profile from monitoring_fact where run_id = ? group by"
                + " profile", Integer.class, runId);
        List<Object[]> hits = new ArrayList<>();
        rules.evaluate(profiles).forEach((profile, found) -> found.forEach(h -> hits.add(new Object[] { runId, profile,
                h.rule(), h.kind(), h.level(), h.reason() })));
        jdbc.batchUpdate("insert into monitoring_rule_profile (run_id, profile, rule, kind, level, reason) values (?, ?,"
                + " ?, ?, ?, ?)", hits);
        t = phase(phases, profiles.size() + " profiles through the rules", t);
        int raised = hits.isEmpty() ? 0 : named.update(RAISE, new MapSqlParameterSource().addValue("run", runId)
                .addValue("at", Timestamp.from(clock.instant())));
        phase(phases, "warnings", t);
        return new Outcome(compared, staged, profiles.size(), raised, rules.version(), phases.toString());
    }

    private static long phase(StringBuilder phases, String what, long since) {
        long now = System.nanoTime();
        phases.append(phases.isEmpty() ? "" : ", ").append(what).append(' ').append((now - since) / 1_000_000)
                .append(" ms");
        return now;
    }

    /** The profile's bits from a row's facts ({@link Fact}'s order). */
    private static final String PROFILE = """
                     h.enrolled + 2 * h.monitored
                     + case when h.income < :line then 4 else 0 end
                     + case when h.income < :lineMultiple then 8 else 0 end
                     + 16 * h.ill + 32 * h.disabled
                     + case when h.medical > :medical then 64 else 0 end
                     + 128 * h.unemployed_child
                     + case when h.rosters >= :minRosters then 256 else 0 end
                     + 512 * h.left_recently + 1024 * h.refused + 2048 * h.vehicle + 4096 * h.business
                     + 8192 * h.real_estate + 16384 * h.deceased + 32768 * h.moved as profile,
                     concat(h.enrolled, '|', h.monitored, '|', coalesce(h.income, -1), '|', h.ill, '|', h.disabled, '|',
                            h.medical, '|', h.unemployed_child, '|', h.rosters, '|', h.left_recently, '|', h.refused, '|',
                            h.vehicle, '|', h.business, '|', h.real_estate, '|', h.deceased, '|', h.moved) as facts
            """;

    /**
     * Everyone the loaded rosters of the region name, grouped by resident ID, with what the rosters say and what
     * Doudi's records say of him (enrolled, left or refused in the last 12 months), when he has at least one warning
     * fact besides being enrolled. The profile's bits are {@link Fact}'s order; facts: the same text for the same facts.
     */
    static final String FACTS = """
            insert into monitoring_fact (run_id, id_number, name, village_code, township_code, county_code, profile, facts)
            select :run, f.id_number, f.name, f.village_code, left(f.village_code, 9), left(f.village_code, 6),
                   f.profile, f.facts
            from (
              select h.id_number, h.name, h.village_code,
            """ + PROFILE + """
              from (
                select g.*,
                       case when exists (select 1 from enrolment_coverage c where c.id_number = g.id_number)
                            then 1 else 0 end as enrolled,
                       0 as left_recently, 0 as refused
                from (
                  select p.id_number, max(p.name) as name, max(p.village_code) as village_code,
                         max(case when b.source in ('POVERTY_MONITORING', 'POVERTY_REGISTRY') then 1 else 0 end) as monitored,
                         min(p.per_capita_income) as income,
                         max(case when p.serious_illness = true then 1 else 0 end) as ill,
                         max(case when p.disability_grade in (1, 2) then 1 else 0 end) as disabled,
                         sum(case when b.source = 'MEDICAL_EXPENSE' and (p.event_date is null or p.event_date >= :since)
                                  then coalesce(p.amount, 0) else 0 end) as medical,
                         max(case when b.source = 'UNEMPLOYMENT' and p.category in (:child) then 1 else 0 end)
                             as unemployed_child,
                         count(distinct case when b.source in (:assistance) then b.source end) as rosters,
                         max(case when b.source = 'VEHICLE' then 1 else 0 end) as vehicle,
                         max(case when b.source = 'BUSINESS_REGISTRATION' then 1 else 0 end) as business,
                         max(case when b.source = 'REAL_ESTATE' then 1 else 0 end) as real_estate,
                         max(case when b.source = 'DEATH' then 1 else 0 end) as deceased,
                         max(case when b.source = 'HOUSEHOLD_MOVE' then 1 else 0 end) as moved
                  from roster_person p join roster_batch b on b.id = p.batch_id
                  where b.status = 'LOADED' and p.county_code = :county%1$s
                  group by p.id_number
                ) g
              ) h
            ) f
            where f.profile > 1
              and not exists (select 1 from monitoring_fact d where d.run_id = :run and d.id_number = f.id_number)
            """;

    /**
     * The people of the region whose 低保 or 特困 enrolment ended in the last 12 months (not by death or moving away) or
     * who were refused in them — a few, {@code :few}, {@value #RECORD_CHUNK} at a time — with everything the rosters say
     * of them too (their rows found by resident ID), grouped by resident ID. Staged first, so that the roster facts of everyone else need not ask each person's records.
     */
    static final int RECORD_CHUNK = 500;

    static final String RECORD_FACTS = """
            insert into monitoring_fact (run_id, id_number, name, village_code, township_code, county_code, profile, facts)
            select :run, f.id_number, f.name, f.village_code, left(f.village_code, 9), left(f.village_code, 6),
                   f.profile, f.facts
            from (
              select h.id_number, h.name, h.village_code,
            """ + PROFILE + """
              from (
                select g.*,
                       case when exists (select 1 from enrolment_coverage c where c.id_number = g.id_number)
                            then 1 else 0 end as enrolled
                from (
                  select r.id_number, max(r.name) as name, max(r.village_code) as village_code,
                         max(case when r.source in ('POVERTY_MONITORING', 'POVERTY_REGISTRY') then 1 else 0 end) as monitored,
                         min(r.income) as income,
                         max(case when r.ill = true then 1 else 0 end) as ill,
                         max(case when r.grade in (1, 2) then 1 else 0 end) as disabled,
                         sum(case when r.source = 'MEDICAL_EXPENSE' and (r.event_date is null or r.event_date >= :since)
                                  then coalesce(r.amount, 0) else 0 end) as medical,
                         max(case when r.source = 'UNEMPLOYMENT' and r.category in (:child) then 1 else 0 end)
                             as unemployed_child,
                         count(distinct case when r.source in (:assistance) then r.source end) as rosters,
                         max(case when r.source = 'ENDED_ENROLMENT' then 1 else 0 end) as left_recently,
                         max(case when r.source = 'REFUSED_CASE' then 1 else 0 end) as refused,
                         max(case when r.source = 'VEHICLE' then 1 else 0 end) as vehicle,
                         max(case when r.source = 'BUSINESS_REGISTRATION' then 1 else 0 end) as business,
                         max(case when r.source = 'REAL_ESTATE' then 1 else 0 end) as real_estate,
                         max(case when r.source = 'DEATH' then 1 else 0 end) as deceased,
                         max(case when r.source = 'HOUSEHOLD_MOVE' then 1 else 0 end) as moved
                  from (
                    select m.id_number, m.name, e.village_code, 'ENDED_ENROLMENT' as source, null as income,
                           null as ill, null as grade, null as amount, null as event_date, null as category
                    from enrolment e join enrolment_member m on m.enrolment_id = e.id
                    where e.county_code = :county%2$s and e.status = 'ENDED' and e.ended_at >= :sinceAt
                      and m.covered = true and (e.end_reason is null or e.end_reason not in ('DEATH', 'MOVED_AWAY'))
                      and m.id_number in (:few)
                    union all
                    select a.applicant_id_number, a.applicant_name, a.village_code, 'REFUSED_CASE', null, null, null,
                           null, null, null
                    from assistance_case a
                    where a.county_code = :county%3$s and a.status = 'REJECTED' and a.closed_at >= :sinceAt
                      and a.programme in ('DIBAO', 'TEKUN') and a.applicant_id_number in (:few)
                    union all
                    select p.id_number, p.name, p.village_code, b.source, p.per_capita_income, p.serious_illness,
                           p.disability_grade, p.amount, p.event_date, p.category
                    from roster_person p join roster_batch b on b.id = p.batch_id
                    where b.status = 'LOADED' and p.county_code = :county%1$s
                      and p.id_number in (:few)
                  ) r
                  group by r.id_number
                ) g
              ) h
            ) f
            where f.profile > 1
            """;

    /**
     * The warnings of every rule at once: the run's people whose profile raises a rule ({@code monitoring_rule_profile},
     * what the rules answered for each profile), except whoever has an open warning of the rule or a closed one
     * (dismissed, resolved) on the same facts.
     */
    static final String RAISE = """
            insert into monitoring_warning (rule, kind, level, reason, status, id_number, name, village_code,
                                            township_code, county_code, facts, open_rule, run_id, raised_at, version)
            select r.rule, r.kind, r.level, r.reason, 'NEW', f.id_number, f.name, f.village_code, f.township_code,
                   f.county_code, f.facts, r.rule, f.run_id, :at, 0
            from monitoring_fact f join monitoring_rule_profile r on r.run_id = f.run_id and r.profile = f.profile
            where f.run_id = :run
              and not exists (select 1 from monitoring_warning w where w.id_number = f.id_number and w.rule = r.rule
                                and (w.open_rule is not null or w.facts = f.facts))
            """;

    private static String failure(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String abbreviate(String s) {
        return s == null ? null : s.length() <= 500 ? s : s.substring(0, 497) + "…";
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        counter.shutdownNow();
    }

    Optional<Long> running(String countyCode) {
        return jdbc.query("select id from monitoring_run where running_county = ?",
                rs -> rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty(), countyCode);
    }
}
