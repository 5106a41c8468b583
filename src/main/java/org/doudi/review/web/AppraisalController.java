package org.doudi.review.web;

import java.net.URI;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;

import org.doudi.review.Appraisals;
import org.doudi.review.DemocraticAppraisal;
import org.doudi.security.Actors;
import org.doudi.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/cases/{caseNumber}/appraisals} {@code {heldOn, participants, participantCount?, result,
 * notes?}}: a 民主评议 the township held, recorded by its staff while the case is at the township review or
 * an objection is being handled (201; 409 otherwise).
 */
@RestController
@Tag(name = "案件 Cases")
class AppraisalController {

    private static final Set<String> FIELDS = Set.of("heldOn", "participants", "participantCount", "result", "notes");

    private final Appraisals appraisals;
    private final Actors actors;

    AppraisalController(Appraisals appraisals, Actors actors) {
        this.appraisals = appraisals;
        this.actors = actors;
    }

    record Recorded(String caseNumber, String heldOn, String participants, Integer participantCount, String result,
            String notes, String recordedBy, Instant recordedAt) {
    }

    @Operation(summary = "登记民主评议 / Record a democratic appraisal", description = """
            乡镇工作人员登记已召开的民主评议（heldOn 日期、participants 参加人员、可选 participantCount、result 结果、可选 \
            notes），仅在乡镇初审或异议处理期间。

            The township's staff record a 民主评议 they held (`heldOn`, `participants`, optional \
            `participantCount`, `result`, optional `notes`) while the case is at the township review or an objection \
            is being handled.""")
    @ApiResponse(responseCode = "201", description = "已登记 / Recorded")
    @ApiResponse(responseCode = "409", description = "案件不在乡镇初审或异议处理阶段 / The case is not at the township review"
            + " or objection handling")
    @PostMapping("/api/cases/{caseNumber}/appraisals")
    ResponseEntity<Recorded> record(@PathVariable String caseNumber,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object"), examples = @ExampleObject(value = """
                            {"heldOn": "2026-03-02", "participants": "村民代表 7 人、村委会成员 2 人",
                             "participantCount": 9, "result": "同意", "notes": "无异议"}""")))
            @RequestBody(required = false) JsonNode body) {

        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("body", "必须是 JSON 对象 (a JSON object is required)");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw InvalidInputException.of(name, "不是民主评议的字段 (unknown field)");
            }
        }
        DemocraticAppraisal a = appraisals.recordRequest(caseNumber, value(body, "heldOn"),
                value(body, "participants"), value(body, "participantCount"), value(body, "result"),
                value(body, "notes"), actors.currentUserId(), actors.currentScope());
        return ResponseEntity.created(URI.create("/api/cases/" + caseNumber))
                .body(new Recorded(caseNumber, a.heldOn().toString(), a.participants(), a.participantCount(),
                        a.result(), a.notes(), a.recordedBy(), a.recordedAt()));
    }

    /** A scalar as Java value: text as String, whole numbers as Long, others as their text. */
    private static Object value(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? v.asLong() : v.asText();
        }
        if (v.isContainerNode()) {
            return "\u0000"; // not text: refused as unreadable
        }
        return v.asText();
    }
}
