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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/rosters} (multipart: {@code file} CSV or XLSX, {@code source}, {@code batch}) → {@code 201 {batch,
 * source, rows, imported, rejected: [{line, field, message}]}}, the same batch again {@code 200} with the first answer;
 * {@code GET /api/rosters/{batch}} that answer; {@code DELETE /api/rosters/{batch}} withdraws the batch. The Chinese
 * upload page is {@code /rosters}.
 */
@RestController
@Tag(name = "监测预警 Monitoring")
class RosterController {

    private static final String BATCH = "批次号 / Batch number";

    private final Rosters rosters;

    private final Actors actors;

    RosterController(Rosters rosters, Actors actors) {
        this.rosters = rosters;
        this.actors = actors;
    }

    @PostMapping(path = "/api/rosters", consumes = "multipart/form-data")
    @Operation(summary = "上传部门名单 / Upload a roster", description = """
            县级工作人员上传其他部门的名单（CSV 或 XLSX；表头 idNumber、name、villageCode 必填，category、amount、\
            disabilityGrade、disabilityCategory、seriousIllness、perCapitaIncome、date、note 可选），供监测比对；\
            逐行检查，回答导入数和被拒绝的行。同一批次号再次上传回答第一次的结果（200），不重复导入。source 与 batch 也可作为表单字段。

            County staff upload another department's roster (CSV or XLSX; columns `idNumber, name, villageCode` \
            required; `category`, `amount`, `disabilityGrade`, `disabilityCategory`, `seriousIllness`, \
            `perCapitaIncome`, `date`, `note` optional) for monitoring; each row is checked, the answer says how \
            many were imported and which rows were rejected. The same `batch` again answers 200 with the first \
            answer and loads nothing twice. `source` and `batch` may also be form fields (docs/rosters.md).""")
    @ApiResponse(responseCode = "200", description = "该批次已上传过，回答第一次的结果 / The batch was uploaded before: the"
            + " first answer")
    @ApiResponse(responseCode = "201", description = "已导入 / Imported")
    @ApiResponse(responseCode = "400", description = "文件、表头或参数无效 / A bad file, header or parameter")
    ResponseEntity<Rosters.Result> upload(
            @Parameter(description = "名单文件，CSV 或 XLSX / The roster, CSV or XLSX")
            @RequestParam(required = false) MultipartFile file,
            @Parameter(description = "名单来源 / Source of the roster", example = "DISABILITY")
            @RequestParam(required = false) String source,
            @Parameter(description = "批次号，同一批次只导入一次 / Batch number; a batch is loaded once",
                    example = "2026-03-disability") @RequestParam(required = false) String batch)
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

    @Operation(summary = "名单批次 / A roster batch", description = """
            该批次上传时的回答：行数、导入数和被拒绝的行。

            The batch's upload answer: rows, imported, rejected rows.""")
    @GetMapping("/api/rosters/{batch}")
    Rosters.Result get(@Parameter(description = BATCH) @PathVariable String batch) {
        return rosters.find(batch).orElseThrow(() -> new NotFoundException("没有批次号为 " + batch + " 的名单 / no roster "
                + "batch " + batch));
    }

    @Operation(summary = "撤回名单批次 / Withdraw a roster batch", description = """
            县级工作人员撤回一个批次，其数据不再参与比对。

            County staff withdraw a batch: its rows take no part in comparisons any more.""")
    @DeleteMapping("/api/rosters/{batch}")

    Rosters.Result withdraw(@Parameter(description = BATCH) @PathVariable String batch) {
        return rosters.withdraw(batch, actors.currentScope(), actors.currentUserId());
    }
}
