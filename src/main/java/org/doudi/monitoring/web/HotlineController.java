package org.doudi.monitoring.web;

import static org.doudi.shared.JsonBody.requireObject;
import static org.doudi.shared.JsonBody.text;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.doudi.monitoring.Hotline;
import org.doudi.security.Actors;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.QueryParams;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/hotline-reports {channel, kind, about: {name, idNumber?, villageCode}, text, reporter?: {name?,
 * phone?}}} → 201 {@code {reportNumber, kind, routedTo}}; {@code GET /api/hotline-reports?region=&status=&kind=&page=&size=}
 * (the reports of your regions, newest first, no reporter); {@code GET /api/hotline-reports/{reportNumber}} (the
 * reporter only for the handling county).
 */
@RestController
class HotlineController {

    private final Hotline hotline;
    private final Actors actors;

    HotlineController(Hotline hotline, Actors actors) {
        this.hotline = hotline;
        this.actors = actors;
    }

    @PostMapping("/api/hotline-reports")
    ResponseEntity<Hotline.Taken> take(@RequestBody(required = false) JsonNode body) {
        requireObject(body, Set.of("channel", "kind", "about", "text", "reporter"), "热线反映");
        JsonNode about = body.get("about");
        if (about == null || !about.isObject()) {
            throw InvalidInputException.of("about", "「被反映人」必须填写（姓名、村代码，漏保和错保还须身份证号） (about is required)");
        }
        requireObject(about, Set.of("name", "idNumber", "villageCode"), "被反映人");
        JsonNode reporter = body.get("reporter");
        if (reporter != null && !reporter.isNull()) {
            requireObject(reporter, Set.of("name", "phone"), "反映人");
        }
        boolean hasReporter = reporter != null && reporter.isObject();
        Hotline.Taken taken = hotline.take(new Hotline.Report(text(body, "channel"), text(body, "kind"),
                text(about, "name"), text(about, "idNumber"), text(about, "villageCode"), text(body, "text"),
                hasReporter ? text(reporter, "name") : null, hasReporter ? text(reporter, "phone") : null),
                actors.currentScope(), actors.currentUserId());
        return ResponseEntity.created(URI.create("/api/hotline-reports/" + taken.reportNumber())).body(taken);
    }

    @GetMapping("/api/hotline-reports")
    Hotline.Page list(@RequestParam(required = false) String region, @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        List<FieldViolation> v = new ArrayList<>();
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (s != null && !Hotline.STATUSES.contains(s)) {
            v.add(new FieldViolation("status", "「状态」须为 OPEN（县级办理中）、ROUTED（已转办）、ANSWERED（已答复）之一 / unknown"
                    + " status"));
        }
        String k = kind == null || kind.isBlank() ? null : kind.strip().toUpperCase(Locale.ROOT);
        if (k != null && Arrays.stream(Hotline.Kind.values()).noneMatch(x -> x.name().equals(k))) {
            v.add(new FieldViolation("kind", "「反映类型」须为 MISSED、WRONGLY_ENROLLED、CONDUCT、OTHER 之一 / unknown kind"));
        }
        int p = QueryParams.wholeNumber(page, "page", "页码", 0, 0, 100_000, v);
        int n = QueryParams.pageSize(size, 50, 500, v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return hotline.list(region == null || region.isBlank() ? null : region.strip(), s, k, p, n,
                actors.currentScope());
    }

    @GetMapping("/api/hotline-reports/{reportNumber}")
    Hotline.View view(@PathVariable String reportNumber) {
        return hotline.view(reportNumber, actors.currentScope());
    }
}
