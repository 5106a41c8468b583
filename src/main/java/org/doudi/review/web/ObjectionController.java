package org.doudi.review.web;

import java.time.Instant;

import org.doudi.review.Objection;
import org.doudi.review.Objections;
import org.doudi.security.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cases/{caseNumber}/objections}: an objection during the public notice. */
@RestController
class ObjectionController {

    private final Objections objections;
    private final Actors actors;

    ObjectionController(Objections objections, Actors actors) {
        this.objections = objections;
        this.actors = actors;
    }

    record ObjectionRequest(String text) {
    }

    record Received(String caseNumber, Instant receivedAt, String status) {
    }

    @PostMapping("/api/cases/{caseNumber}/objections")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Received raise(@PathVariable String caseNumber, @RequestBody ObjectionRequest request) {
        Objection o = objections.raise(caseNumber, request == null ? null : request.text(), actors.currentUserId(),
                actors.currentScope());
        return new Received(caseNumber, o.receivedAt(), "OBJECTION_REVIEW");
    }
}
