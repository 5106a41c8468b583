package org.doudi.supervision.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.doudi.escalation.OpenTask;
import org.doudi.region.RegionService;
import org.doudi.security.Actors;
import org.doudi.shared.ExportColumn;
import org.doudi.shared.ExportSheet;
import org.doudi.shared.Exports;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.QueryParams;
import org.doudi.shared.InvalidInputException;
import org.doudi.supervision.Supervision;
import org.doudi.supervision.Supervision.DeepPovertyCount;
import org.doudi.supervision.Supervision.Page;
import org.doudi.supervision.Supervision.SupervisedTask;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The supervisors' view (督办): overdue and soon-due work, and the notifications of escalations.
 * <p>
 * Without {@code page} and {@code size} a list is the array of the contract, capped at
 * {@value #ARRAY_LIMIT} rows, with the whole count in {@code X-Total-Count} and the count in deep-poverty areas
 * in {@code X-Deep-Poverty-Count}; with either of them it is a page
 * {@code {items, page, size, total, byTownship, byStep, byDeepPoverty}}. Both lists take
 * {@code deepPoverty=true} (only the deep-poverty areas, 深度贫困地区) or {@code false} (only the others).
 */
@RestController
@RequestMapping("/api/supervision")
@Tag(name = "督办 Supervision")
class SupervisionController {

    /** The most rows an answer without paging carries; {@code X-Total-Count} says how many there are. */
    static final int ARRAY_LIMIT = 1000;
    static final int MAX_PAGE_SIZE = 200;
    private static final int DEFAULT_PAGE_SIZE = 50;
    /** A page beyond this would skip more rows than any region has open tasks. */
    private static final int MAX_PAGE = 1_000_000;
    static final String TOTAL_HEADER = "X-Total-Count";
    /** How many of the whole list lie in a deep-poverty area (of any kind). */
    static final String DEEP_POVERTY_HEADER = "X-Deep-Poverty-Count";
    private static final String DEEP_POVERTY_PARAMETER = "true：只看深度贫困地区；false：只看其他地区；不填为全部 / true: only"
            + " deep-poverty areas (深度贫困地区); false: only the others; absent: all";
    private static final String PAGE_SIZE_PARAMETER = "每页条数，1–200，默认 50；不带 page/size 时回答数组 / Rows per page,"
            + " 1–200, default 50; without page and size the answer is the array";


    private final Supervision supervision;
    private final RegionService regions;
    private final Actors actors;

    SupervisionController(Supervision supervision, RegionService regions, Actors actors) {
        this.supervision = supervision;
        this.regions = regions;
        this.actors = actors;
    }

    /** @param deepPoverty the deep-poverty area its village lies in ({@code SANQU_SANZHOU}, {@code DEEP_POVERTY}), absent for none */
    @ExportSheet("督办事项")
    record TaskView(
            @ExportColumn("案件（事项）编号") String caseNumber,
            String taskId,
            String taskKey,
            @ExportColumn("办理环节") String taskName,
            String group,
            @ExportColumn("办理人员") String groupName,
            String processKey,
            @ExportColumn("村（居）代码") String villageCode,
            @ExportColumn("乡镇代码") String townshipCode,
            @ExportColumn("乡镇") String townshipName,
            String countyCode,
            @ExportColumn("到达时间") Instant createdAt,
            @ExportColumn("办理期限") Instant dueDate,
            @ExportColumn("超期工作日") int workingDaysOverdue,
            @ExportColumn("剩余工作日") int workingDaysLeft,
            @ExportColumn("督办级别") int escalationLevel,
            @ExportColumn("深度贫困地区") String deepPoverty) {
    }

    record TownshipView(
            @ExportColumn("乡镇代码") String townshipCode,
            @ExportColumn("乡镇") String townshipName,
            @ExportColumn("件数") long count) {
    }

    record StepView(
            @ExportColumn("环节代码") String taskKey,
            @ExportColumn("办理环节") String taskName,
            @ExportColumn("件数") long count) {
    }

    record KindView(
            String kind,
            @ExportColumn("类别") String label,
            @ExportColumn("件数") long count) {
    }

    /**
     * @param flagged in a deep-poverty area of any kind
     * @param other in none
     * @param kinds each kind, 0 included
     */
    record DeepPovertyView(
            @ExportColumn("深度贫困地区件数") long flagged,
            @ExportColumn("其他地区件数") long other,
            List<KindView> kinds) {

        static DeepPovertyView of(DeepPovertyCount c) {
            return new DeepPovertyView(c.flagged(), c.other(), c.byKind().entrySet().stream()
                    .map(e -> new KindView(e.getKey().name(), e.getKey().label(), e.getValue())).toList());
        }
    }

    @ExportSheet("督办事项")

    record PageView(
            List<TaskView> items,
            @ExportColumn("页码") int page,
            @ExportColumn("每页条数") int size,
            @ExportColumn("合计件数") long total,
            @ExportColumn("按乡镇") List<TownshipView> byTownship,
            @ExportColumn("按环节") List<StepView> byStep,
            @ExportColumn("深度贫困地区") DeepPovertyView byDeepPoverty) {
    }

    record NotificationView(Long id, String group, String taskId, String kind, String message, Instant createdAt) {
    }

    /** Overdue open tasks of a region and below, most overdue first. */
    @Operation(summary = "超期事项 / Overdue work", description = """
            区域及下级的超期未办事项，超期最久的在前；该区域（或上级）的督办可看。不带 page/size 时回答数组（至多 1000 行，总数在 \
            X-Total-Count）；带 page 或 size 时回答分页 {items, page, size, total, byTownship, byStep, byDeepPoverty}。

            The overdue open tasks of the region and below, most overdue first, for supervisors of the region (or \
            above). Without `page`/`size`: the array of rows, at most 1 000, the whole count in `X-Total-Count`; \
            with either: a page `{items, page, size, total, byTownship, byStep, byDeepPoverty}` whose items are \
            these rows.""")

    @ApiResponse(responseCode = "200", description = "事项 / The tasks", headers = {
            @Header(name = TOTAL_HEADER, description = "全部件数（不分页时）/ The whole count (without paging)"),
            @Header(name = DEEP_POVERTY_HEADER, description = "其中深度贫困地区件数 / Of which in deep-poverty areas") },
            content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(
                    implementation = TaskView.class))))
    @GetMapping("/overdue")
    ResponseEntity<?> overdue(@RequestParam("region") String region,
            @Parameter(description = DEEP_POVERTY_PARAMETER) @RequestParam(name = "deepPoverty", required = false)
            String deepPoverty,
            @RequestParam(name = "page", required = false) String page,
            @Parameter(description = PAGE_SIZE_PARAMETER) @RequestParam(name = "size", required = false) String size) {
        Paging paging = paging(page, size);
        Page result = supervision.overdue(region.trim(), deepPoverty(deepPoverty), actors.currentScope(),
                paging.page(), paging.size(), paging.paged());
        return answer(result, paging);
    }

    /** Open tasks due within the next {@code days} working days (default 3), soonest first. */
    @Operation(summary = "即将到期事项 / Work due soon", description = """
            区域及下级在今后若干个工作日内到期的事项，最早到期的在前；分页与计数同超期事项。

            The open tasks of the region and below due within the next `days` working days, soonest first; paged \
            and counted like the overdue work.""")
    @ApiResponse(responseCode = "200", description = "事项 / The tasks", headers = {
            @Header(name = TOTAL_HEADER, description = "全部件数（不分页时）/ The whole count (without paging)"),
            @Header(name = DEEP_POVERTY_HEADER, description = "其中深度贫困地区件数 / Of which in deep-poverty areas") },
            content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(
                    implementation = TaskView.class))))
    @GetMapping("/due-soon")
    ResponseEntity<?> dueSoon(@RequestParam("region") String region,
            @Parameter(description = "今后多少个工作日内到期，默认 3 / Due within this many working days, default 3")
            @RequestParam(name = "days", defaultValue = "3") int days,
            @Parameter(description = DEEP_POVERTY_PARAMETER) @RequestParam(name = "deepPoverty", required = false)
            String deepPoverty,
            @RequestParam(name = "page", required = false) String page,
            @Parameter(description = PAGE_SIZE_PARAMETER) @RequestParam(name = "size", required = false) String size) {
        Paging paging = paging(page, size);
        Page result = supervision.dueSoon(region.trim(), days, deepPoverty(deepPoverty), actors.currentScope(),
                paging.page(), paging.size(), paging.paged());
        return answer(result, paging);
    }

    @Operation(summary = "督办通知 / Escalation notifications", description = """
            区域督办最近收到的超期督办通知。

            The latest escalation notifications of the region's supervisors.""")
    @GetMapping("/notifications")
    List<NotificationView> notifications(@RequestParam("region") String region) {
        return supervision.notifications(region.trim(), actors.currentScope()).stream()
                .map(n -> new NotificationView(n.id(), n.groupId(), n.taskId(), n.kind(), n.message(),
                        n.createdAt()))
                .toList();
    }

    /** {@code true}: only deep-poverty areas; {@code false}: only the others; absent or empty: all. */
    private static Boolean deepPoverty(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw InvalidInputException.of("deepPoverty", "「深度贫困地区」须为 true（只看深度贫困地区）或 false"
                    + "（只看其他地区），不填为全部 / must be true or false");
        };
    }

    /** The page asked for; none given: the contract's array, its first {@value #ARRAY_LIMIT} rows. */
    private record Paging(boolean paged, int page, int size) {
    }

    private static Paging paging(String page, String size) {
        if (page == null && size == null) {
            return new Paging(false, 0, Exports.defaultPageSize(ARRAY_LIMIT));
        }
        List<FieldViolation> violations = new ArrayList<>();
        int p = QueryParams.wholeNumber(page, "page", "页码", 0, 0, MAX_PAGE, violations);
        int s = QueryParams.pageSize(size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Paging(true, p, s);
    }

    private ResponseEntity<?> answer(Page result, Paging paging) {
        Set<String> townships = new TreeSet<>();
        result.items().forEach(s -> townships.add(s.task().townshipCode()));
        if (result.byTownship() != null) {
            result.byTownship().forEach(t -> townships.add(t.townshipCode()));
        }
        Map<String, String> names = regions.names(townships); // one lookup for the page, not one per row
        Map<String, String> groups = regions.groupNames(result.items().stream().map(s -> s.task().candidateGroup())
                .filter(g -> g != null).collect(Collectors.toSet()));
        List<TaskView> items = result.items().stream().map(s -> view(s, names, groups)).toList();
        if (!paging.paged()) {
            return ResponseEntity.ok().header(TOTAL_HEADER, String.valueOf(result.total()))
                    .header(DEEP_POVERTY_HEADER, String.valueOf(result.byDeepPoverty().flagged())).body(items);
        }
        return ResponseEntity.ok(new PageView(items, paging.page(), paging.size(), result.total(),
                result.byTownship().stream()
                        .map(t -> new TownshipView(t.townshipCode(), names.get(t.townshipCode()), t.count())).toList(),
                result.byStep().stream().map(s -> new StepView(s.taskKey(), s.taskName(), s.count())).toList(),
                DeepPovertyView.of(result.byDeepPoverty())));
    }

    private static TaskView view(SupervisedTask s, Map<String, String> townshipNames, Map<String, String> groupNames) {
        OpenTask t = s.task();
        String townshipName = townshipNames.getOrDefault(t.townshipCode(), t.townshipCode());
        return new TaskView(t.caseNumber(), t.taskId(), t.taskKey(), t.taskName(), t.candidateGroup(),
                t.candidateGroup() == null ? null : groupNames.get(t.candidateGroup()), t.processKey(),
                t.villageCode(), t.townshipCode(), townshipName, t.countyCode(), t.createdAt(), t.dueAt(),
                s.workingDaysOverdue(), s.workingDaysLeft(), t.escalationLevel(),
                t.deepPoverty() == null ? null : t.deepPoverty().name());
    }

}
