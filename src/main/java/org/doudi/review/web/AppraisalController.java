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

/**
 * {@code POST /api/cases/{caseNumber}/appraisals} {@code {heldOn, participants, participantCount?, result,
 * notes?}}: a 民主评议 the township held, recorded by its staff while the case is at the township review or
 * an objection is being handled (201; 409 otherwise).
 */
@RestController
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

    @PostMapping("/api/cases/{caseNumber}/appraisals")
    ResponseEntity<Recorded> record(@PathVariable String caseNumber, @RequestBody(required = false) JsonNode body) {
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
