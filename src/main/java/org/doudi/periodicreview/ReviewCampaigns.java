package org.doudi.periodicreview;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.doudi.TimeConfig;
import org.doudi.cases.Programme;
import org.doudi.enrolment.EnrolmentStatus;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.RegionService;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.security.Actors;
import org.doudi.security.SystemAuthority;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.OutsideScopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many reviews at once: a campaign (回头看) that county staff start, and the day's scheduled reviews. The
 * enrolments are selected in one statement ({@code INSERT … SELECT} into {@code review_campaign_item}); their
 * reviews are started in the background by {@code ReviewCampaign.bpmn} or {@code ReviewScheduler.bpmn}, a chunk per
 * job ({@link #startChunk}), so that neither the request nor the job executor is held by thousands of starts.
 */
@Service
@Transactional
public class ReviewCampaigns {

    private static final Logger log = LoggerFactory.getLogger(ReviewCampaigns.class);

    /** Who starts a campaign: county staff of the county (or township) selected. */
    static final Set<StaffRole> CAMPAIGN_ROLES = EnumSet.of(StaffRole.COUNTY_REVIEWER);
    /** The statuses a review may start from. */
    static final Set<EnrolmentStatus> REVIEWABLE = EnumSet.of(EnrolmentStatus.ACTIVE, EnrolmentStatus.PHASING_OUT,
            EnrolmentStatus.SUSPENDED);

    private final JdbcTemplate jdbc;
    private final PeriodicReviews reviews;
    private final RegionService regions;
    private final RuntimeService runtime;
    private final SystemAuthority system;
    private final Clock clock;
    private final int chunkSize;

    ReviewCampaigns(JdbcTemplate jdbc, PeriodicReviews reviews, RegionService regions, RuntimeService runtime,
            SystemAuthority system, Clock clock, @Value("${doudi.reviews.start-chunk:50}") int chunkSize) {
        this.jdbc = jdbc;
        this.reviews = reviews;
        this.regions = regions;
        this.runtime = runtime;
        this.system = system;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /** A campaign as asked for ({@code POST /api/review-campaigns}); the filters are optional. */
    public record Request(String region, Programme programme, EnrolmentStatus status, HouseholdType householdType,
            LocalDate reviewedBefore, String note) {
    }

    /** The kinds of household a campaign may select: by the enrolment's unit, or by its review class. */
    public enum HouseholdType {
        HOUSEHOLD("整户保障", "e.unit = 'HOUSEHOLD'"),
        SINGLE_PERSON("单人户", "e.unit = 'SINGLE_PERSON'"),
        PERSON("特困人员（个人）", "e.unit = 'PERSON'"),
        STABLE("基本稳定家庭（每年复核）", "e.review_class = 'STABLE'"),
        CHANGING("收入变动或有劳动能力家庭（每半年复核）", "e.review_class = 'CHANGING'");

        private final String label;
        private final String condition;

        HouseholdType(String label, String condition) {
            this.label = label;
            this.condition = condition;
        }

        public String label() {
            return label;
        }
    }

    public record Created(long campaignId, int selected) {
    }

    /**
     * Selects the enrolments of a region (a county or a township the caller reviews for) that may be reviewed,
     * filtered by programme, status and the last review (or, never reviewed, the start) before a day, and starts
     * their reviews in the background.
     */
    public Created create(Request req, StaffScope scope, String actor) {
        Region region = regions.find(req.region()).filter(r -> r.level() != RegionLevel.VILLAGE)
                .orElseThrow(() -> new NotFoundException("没有代码为 " + req.region() + " 的县或乡镇 / no county or township "
                        + req.region()));
        if (!scope.hasRoleFor(CAMPAIGN_ROLES, region.code())) {
            throw new OutsideScopeException("只有本县审核人员可以对 " + region.code() + " 开展回头看 / you may not start a "
                    + "campaign for " + region.code());
        }
        long id = insertCampaign(ReviewTrigger.CAMPAIGN, region.code(), req, actor);
        List<Object> args = new ArrayList<>();
        args.add(id);
        StringBuilder where = new StringBuilder(region.level() == RegionLevel.COUNTY ? "e.county_code = ?"
                : "e.township_code = ?");
        args.add(region.code());
        Set<EnrolmentStatus> statuses = req.status() == null ? REVIEWABLE : Set.of(req.status());
        where.append(" and e.status in (").append(String.join(", ", statuses.stream().map(s -> "?").toList()))
                .append(")");
        statuses.stream().map(Enum::name).forEach(args::add);
        if (req.programme() != null) {
            where.append(" and e.programme = ?");
            args.add(req.programme().name());
        }
        if (req.householdType() != null) {
            where.append(" and ").append(req.householdType().condition);
        }
        if (req.reviewedBefore() != null) {
            where.append(" and coalesce(e.last_reviewed_on, e.since_date) < ?");
            args.add(java.sql.Date.valueOf(req.reviewedBefore()));
        }
        int selected = select(id, where.toString(), args);
        String instance = system.call(() -> runtime.createProcessInstanceByKey(PeriodicReviewProcess.CAMPAIGN_KEY)
                .businessKey("HK-" + id).setVariable(PeriodicReviewProcess.VAR_CAMPAIGN_ID, id).execute()).getId();
        jdbc.update("update review_campaign set process_instance_id = ? where id = ?", instance, id);
        log.info("campaign {} for {} by {}: {} enrolments selected", id, region.code(), actor, selected);
        return new Created(id, selected);
    }

    /**
     * The day's scheduled reviews: every reviewable enrolment whose next review is due today or earlier; empty when
     * none is.
     */
    public Optional<Long> createScheduled() {
        LocalDate today = TimeConfig.today(clock);
        long id = insertCampaign(ReviewTrigger.SCHEDULED, null, new Request(null, null, null, null, null,
                "定期复核 " + today), Actors.SYSTEM);
        List<Object> args = new ArrayList<>(List.of(id));
        REVIEWABLE.stream().map(Enum::name).forEach(args::add);
        args.add(java.sql.Date.valueOf(today));
        int selected = select(id, "e.status in (?, ?, ?) and e.next_review_due <= ?", args);
        if (selected == 0) {
            jdbc.update("delete from review_campaign where id = ?", id);
            return Optional.empty();
        }
        log.info("scheduled reviews {}: {} enrolments due by {}", id, selected, today);
        return Optional.of(id);
    }

    private long insertCampaign(ReviewTrigger trigger, String region, Request req, String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Instant now = clock.instant();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into review_campaign (trigger_kind, region_code,"
                    + " programme, status_filter, household_type, reviewed_before, note, selected, created_by, created_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, trigger.name());
            ps.setString(2, region);
            ps.setString(3, req.programme() == null ? null : req.programme().name());
            ps.setString(4, req.status() == null ? null : req.status().name());
            ps.setString(5, req.householdType() == null ? null : req.householdType().name());
            ps.setDate(6, req.reviewedBefore() == null ? null : java.sql.Date.valueOf(req.reviewedBefore()));
            ps.setString(7, req.note());
            ps.setString(8, actor);
            ps.setObject(9, utc(now));
            return ps;
        }, key);
        return key.getKeyAs(Number.class) != null ? key.getKeyAs(Number.class).longValue()
                : ((Number) key.getKeys().values().iterator().next()).longValue();
    }

    private int select(long id, String where, List<Object> args) {
        int selected = jdbc.update("insert into review_campaign_item (campaign_id, enrolment_id) select ?, e.id"
                + " from enrolment e where e.enrolment_number is not null and " + where, args.toArray());
        jdbc.update("update review_campaign set selected = ? where id = ?", selected, id);
        return selected;
    }

    /**
     * Starts the next chunk of a campaign's reviews (the lowest enrolment ids not yet started or passed over). An
     * enrolment that can no longer be reviewed (ended, under review meanwhile) is passed over with the reason.
     *
     * @return whether any remain
     */
    public boolean startChunk(long campaignId) {
        Map<String, Object> campaign = jdbc.queryForMap("select trigger_kind from review_campaign where id = ?",
                campaignId);
        ReviewTrigger trigger = ReviewTrigger.valueOf((String) campaign.get("trigger_kind"));
        List<Map<String, Object>> next = jdbc.queryForList("select i.enrolment_id, e.enrolment_number"
                + " from review_campaign_item i join enrolment e on e.id = i.enrolment_id"
                + " where i.campaign_id = ? and i.review_case_number is null and i.skipped is null"
                + " order by i.enrolment_id limit " + chunkSize, campaignId);
        for (Map<String, Object> row : next) {
            long enrolmentId = ((Number) row.get("enrolment_id")).longValue();
            String number = (String) row.get("enrolment_number");
            Optional<String> whyNot = reviews.whyNotStartable(number);
            if (whyNot.isPresent()) {
                jdbc.update("update review_campaign_item set skipped = ? where campaign_id = ? and enrolment_id = ?",
                        whyNot.get() + "，未启动复核", campaignId, enrolmentId);
                continue;
            }
            String caseNumber = reviews.start(number,
                    new PeriodicReviews.Start(trigger, null, null, campaignId, Actors.SYSTEM));
            jdbc.update("update review_campaign_item set review_case_number = ? where campaign_id = ?"
                    + " and enrolment_id = ?", caseNumber, campaignId, enrolmentId);
        }
        boolean more = next.size() == chunkSize;
        if (!more) {
            jdbc.update("update review_campaign set started_all_at = ? where id = ?", utc(clock.instant()), campaignId);
        }
        return more;
    }

    /** A campaign's progress ({@code GET /api/review-campaigns/{id}}). */
    public record Progress(long campaignId, String trigger, String region, String note, Instant createdAt,
            String createdBy, int selected, int started, int skipped, int done, Map<String, Integer> outcomes,
            int overdue, boolean allStarted) {
    }

    /**
     * The campaigns of a region and the regions within it, the newest first, each with its progress (the
     * supervision page's 回头看 panel); at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<Progress> ofRegion(String region, StaffScope scope, int limit) {
        if (!scope.canSee(region)) {
            throw new OutsideScopeException("区域 " + region + " 不在您的辖区内 / outside your regions");
        }
        // The campaigns of the county the region is in, kept where the caller sees the campaign's region and it covers
        // the region asked for or lies within it.
        List<Map<String, Object>> rows = jdbc.queryForList("select id, region_code from review_campaign"
                + " where region_code like ? order by id desc limit " + limit,
                region.substring(0, Math.min(region.length(), 6)) + "%");
        return rows.stream().filter(row -> {
            String r = (String) row.get("region_code");
            return scope.canSee(r) && (r.startsWith(region) || region.startsWith(r));
        }).map(row -> progress(((Number) row.get("id")).longValue(), scope)).toList();
    }

    @Transactional(readOnly = true)
    public Progress progress(long campaignId, StaffScope scope) {
        Head c = jdbc.query("select trigger_kind, region_code, note, created_at, created_by, selected, started_all_at"
                + " from review_campaign where id = ?", (rs, i) -> new Head(rs.getString("trigger_kind"),
                        rs.getString("region_code"), rs.getString("note"),
                        rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getString("created_by"), rs.getInt("selected"), rs.getObject("started_all_at") != null),
                campaignId).stream().findFirst()
                .filter(h -> h.region() == null ? scope.isAdmin() : scope.canSee(h.region()))
                .orElseThrow(() -> new NotFoundException("没有编号为 " + campaignId + " 的回头看，或不在您的辖区内 / no "
                        + "campaign " + campaignId));
        Map<String, Object> items = jdbc.queryForMap("select count(review_case_number) as started,"
                + " count(skipped) as skipped from review_campaign_item where campaign_id = ?", campaignId);
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (ReviewOutcome o : ReviewOutcome.values()) {
            outcomes.put(o.value(), 0);
        }
        jdbc.query("select outcome, count(*) as n from periodic_review where campaign_id = ? and outcome is not null"
                + " group by outcome", rs -> {
                    outcomes.put(rs.getString("outcome"), rs.getInt("n"));
                }, campaignId);
        int done = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        // Open tasks of its reviews past their due date (the escalation module's read model of open tasks).
        Integer overdue = jdbc.queryForObject("select count(distinct r.id) from periodic_review r"
                + " join open_task t on t.case_id = r.case_id where r.campaign_id = ? and t.due_at < ?",
                Integer.class, campaignId, utc(clock.instant()));
        return new Progress(campaignId, c.trigger(), c.region(), c.note(), c.createdAt(), c.createdBy(),
                c.selected(), ((Number) items.get("started")).intValue(), ((Number) items.get("skipped")).intValue(),
                done, outcomes, overdue == null ? 0 : overdue, c.allStarted());
    }

    private record Head(String trigger, String region, String note, Instant createdAt, String createdBy,
            int selected, boolean allStarted) {
    }

    /** UTC wall time, as Hibernate writes every instant here (hibernate.jdbc.time_zone: UTC). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
