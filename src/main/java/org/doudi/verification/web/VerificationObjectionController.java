package org.doudi.verification.web;

import java.time.Instant;

import org.doudi.security.Actors;
import org.doudi.verification.VerificationObjections;
import org.doudi.verification.VerificationResultNotice;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cases/{caseNumber}/verification-objections}: the applicant's objection, with evidence, to
 * an ineligible verification result, received by staff: 202 during the objection period, 409 otherwise.
 */
@RestController
class VerificationObjectionController {

    private final VerificationObjections objections;
    private final Actors actors;

    VerificationObjectionController(VerificationObjections objections, Actors actors) {
        this.objections = objections;
        this.actors = actors;
    }

    record VerificationObjectionRequest(String text, String evidence) {
    }

    record Received(String caseNumber, Instant receivedAt, Instant periodEndsAt, String status) {
    }

    @PostMapping("/api/cases/{caseNumber}/verification-objections")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Received object(@PathVariable String caseNumber, @RequestBody VerificationObjectionRequest request) {
        VerificationResultNotice n = objections.object(caseNumber, request == null ? null : request.text(),
                request == null ? null : request.evidence(), actors.currentUserId(), actors.currentScope());
        return new Received(caseNumber, n.objectedAt(), n.periodEndsAt(), "REVERIFICATION");
    }
}
