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

/**
 * {@code GET /api/cases/{caseNumber}/documents/{kind}}: a written notice of the case as PDF, for staff who
 * may see the case. An unknown kind is 400; a case outside the reader's scope is the same 404 as for the
 * case; a notice the case has no reason to have yet is 404 with the reason in Chinese.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/documents")
class DocumentController {

    private final Documents documents;
    private final Actors actors;

    DocumentController(Documents documents, Actors actors) {
        this.documents = documents;
        this.actors = actors;
    }

    /** {@code GET /api/cases/{caseNumber}/documents}: every kind, whether the case has it now, and why not. */
    @GetMapping
    List<Documents.Listed> list(@PathVariable String caseNumber) {
        return documents.list(caseNumber, actors.currentScope());
    }

    @GetMapping("/{kind}")
    ResponseEntity<byte[]> get(@PathVariable String caseNumber, @PathVariable String kind) {
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
