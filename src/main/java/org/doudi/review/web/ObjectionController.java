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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/cases/{caseNumber}/objections}: an objection during the public notice. */
@RestController
@Tag(name = "案件 Cases")
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

    @Operation(summary = "公示异议 / Object during the public notice", description = """
            工作人员登记群众在公示期内提出的异议；乡镇随后调查，重新提出意见并重新公示。

            Records an objection raised during the public notice (also while an earlier one is being handled); the \
            township investigates, renews its opinion and posts a new notice.""")
    @ApiResponse(responseCode = "202", description = "已接收，案件转入异议处理 / Received; the case goes to objection review")
    @ApiResponse(responseCode = "409", description = "案件不在公示期 / The case is not in its public notice")
    @PostMapping("/api/cases/{caseNumber}/objections")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Received raise(@PathVariable String caseNumber, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    {"text": "家里有车"}"""))) @RequestBody ObjectionRequest request) {

        Objection o = objections.raise(caseNumber, request == null ? null : request.text(), actors.currentUserId(),
                actors.currentScope());
        return new Received(caseNumber, o.receivedAt(), "OBJECTION_REVIEW");
    }
}
