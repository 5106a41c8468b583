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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/cases/{caseNumber}/verification-objections}: the applicant's objection, with evidence, to
 * an ineligible verification result, received by staff: 202 during the objection period, 409 otherwise.
 */
@RestController
@Tag(name = "案件 Cases")
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

    @Operation(summary = "核对结果异议 / Object to a verification result", description = """
            申请人对不符合条件的核对结果提出异议（text 说明，evidence 可选的证明材料），在异议期内由工作人员登记；案件退回信息核对并重新入户调查。

            The applicant's objection (`text`, optional `evidence`) to an ineligible verification result, received \
            by staff while its period is open: the case goes back to verification and a new home visit.""")
    @ApiResponse(responseCode = "202", description = "已接收，重新核对 / Received; verification runs again")
    @ApiResponse(responseCode = "409", description = "不在异议期内 / The objection period is not open")
    @PostMapping("/api/cases/{caseNumber}/verification-objections")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Received object(@PathVariable String caseNumber, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    {"text": "车辆已于去年报废", "evidence": "报废证明编号 2025-0113"}""")))
            @RequestBody VerificationObjectionRequest request) {

        VerificationResultNotice n = objections.object(caseNumber, request == null ? null : request.text(),
                request == null ? null : request.evidence(), actors.currentUserId(), actors.currentScope());
        return new Received(caseNumber, n.objectedAt(), n.periodEndsAt(), "REVERIFICATION");
    }
}
