package org.doudi.documents.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.doudi.documents.DocumentKind;
import org.doudi.documents.DocumentNotAvailableException;
import org.doudi.documents.Documents;
import org.doudi.security.Actors;
import org.doudi.shared.InvalidInputException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/cases/{caseNumber}/documents/{kind}}: a written notice of the case as PDF, for staff who
 * may see the case. An unknown kind is 400; a case outside the reader's scope is the same 404 as for the
 * case; a notice the case has no reason to have yet is 404 with the reason in Chinese.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/documents")
@Tag(name = "案件 Cases")
class DocumentController {

    private final Documents documents;
    private final Actors actors;

    DocumentController(Documents documents, Actors actors) {
        this.documents = documents;
        this.actors = actors;
    }

    /** {@code GET /api/cases/{caseNumber}/documents}: every kind, whether the case has it now, and why not. */
    @Operation(summary = "案件文书清单 / The case's notices", description = """
            每种文书：此案件现在是否已有（available），没有时说明原因（reason，中文）。案卷页面据此列出可打开的文书。

            Every kind of written notice, whether the case has it now and, when not, why (Chinese): the case file's \
            list of notices.""")
    @GetMapping
    List<Documents.Listed> list(@PathVariable String caseNumber) {
        return documents.list(caseNumber, actors.currentScope());
    }

    @Operation(summary = "案件文书（PDF）/ A written notice (PDF)", description = """
            案件的书面文书，中文 PDF：受理通知书、一次性告知书、公示名单（脱敏）、审核确认决定书、不予确认/不予批准告知书、临时救助审批表、复核决定通知书。

            A written notice of the case as a PDF in Chinese (docs/documents.md); 404 for a kind the case has no \
            reason to have yet.""")
    @ApiResponse(responseCode = "200", description = "PDF", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "未知的文书类型 / Unknown kind")
    @ApiResponse(responseCode = "404", description = "案件不存在、不在本人辖区，或尚无此文书 / No such case, outside your"
            + " regions, or no such notice yet")
    @GetMapping("/{kind}")
    ResponseEntity<byte[]> get(@PathVariable String caseNumber,
            @Parameter(description = "文书类型 / Kind of notice", schema = @Schema(allowableValues = {
                    "acceptance-notice", "missing-materials-notice", "public-notice", "decision", "rejection-notice",
                    "temporary-approval", "review-decision" })) @PathVariable String kind) {

        DocumentKind k = DocumentKind.bySlug(kind).orElseThrow(() -> InvalidInputException.of("kind",
                "未知的文书类型“" + kind + "”，可选：" + DocumentKind.slugs()));
        Documents.Document d = documents.generate(caseNumber, k, actors.currentScope());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(d.caseNumber() + "-" + d.title() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(d.pdf());
    }

    /** Chinese, with the case and the kind: the case is there, the notice is not (yet). */
    @ExceptionHandler(DocumentNotAvailableException.class)
    ProblemDetail notAvailable(DocumentNotAvailableException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setType(URI.create("https://doudi.org/problems/document-not-available"));
        p.setTitle("暂无此文书");
        p.setProperty("caseNumber", e.caseNumber());
        p.setProperty("kind", e.kind().slug());
        return p;
    }
}
