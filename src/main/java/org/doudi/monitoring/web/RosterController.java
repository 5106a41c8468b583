package org.doudi.monitoring.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.doudi.monitoring.RosterSource;
import org.doudi.monitoring.Rosters;
import org.doudi.security.Actors;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/rosters} (multipart: {@code file} CSV or XLSX, {@code source}, {@code batch}) → {@code 201 {batch,
 * source, rows, imported, rejected: [{line, field, message}]}}, the same batch again {@code 200} with the first answer;
 * {@code GET /api/rosters/{batch}} that answer; {@code DELETE /api/rosters/{batch}} withdraws the batch. The Chinese
 * upload page is {@code /rosters}.
 */
@RestController
class RosterController {

    private final Rosters rosters;
    private final Actors actors;

    RosterController(Rosters rosters, Actors actors) {
        this.rosters = rosters;
        this.actors = actors;
    }

    @PostMapping(path = "/api/rosters", consumes = "multipart/form-data")
    ResponseEntity<Rosters.Result> upload(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String source, @RequestParam(required = false) String batch)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "「名单文件」必须上传（CSV 或 XLSX） (a file is required)");
        }
        RosterSource s = RosterSource.parse(source).orElseThrow(() -> InvalidInputException.of("source",
                "「名单来源」须为 " + RosterSource.all() + " 之一 (unknown source)"));
        Rosters.Upload upload;
        try (InputStream in = file.getInputStream()) {
            upload = rosters.upload(batch, s, file.getOriginalFilename(), Rosters.Format.of(file.getOriginalFilename()),
                    in, actors.currentScope(), actors.currentUserId());
        }
        return ResponseEntity.status(upload.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/rosters/" + upload.result().batch())).body(upload.result());
    }

    @GetMapping("/api/rosters/{batch}")
    Rosters.Result get(@PathVariable String batch) {
        return rosters.find(batch).orElseThrow(() -> new NotFoundException("没有批次号为 " + batch + " 的名单 / no roster "
                + "batch " + batch));
    }

    @DeleteMapping("/api/rosters/{batch}")
    Rosters.Result withdraw(@PathVariable String batch) {
        return rosters.withdraw(batch, actors.currentScope(), actors.currentUserId());
    }
}
