package org.doudi.reports.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.doudi.reports.ProgressMetric;
import org.doudi.reports.ProgressReports;
import org.doudi.security.Actors;
import org.doudi.shared.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/reports/progress?region=&period=2026-Q4} the progress report as JSON; {@code …&format=xlsx} as XLSX
 * (the same figures, Chinese headings, a row per township and the totals). The Chinese page is {@code /reports}.
 */
@RestController
@Tag(name = "统计报表 Reports")
class ProgressReportController {

    static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProgressReports reports;
    private final Actors actors;

    ProgressReportController(ProgressReports reports, Actors actors) {
        this.reports = reports;
        this.actors = actors;
    }

    @Operation(summary = "兜底脱贫行动实施情况 / The progress report", description = """
            一个县（每个乡镇一行）或乡镇一个季度的实施情况：按项目的保障人数、新纳入和摸排发现、退出、预警、转介、临时救助、\
            备用金、超期事项，含深度贫困地区合计；季度末留存的季度回答留存数（kept: true）。

            The quarter's progress report (兜底脱贫行动实施情况) of a county (a row per township) or township: \
            enrolled by programme, newly enrolled and found on the ground, stopped, warnings, referrals, temporary \
            assistance, reserve funds, overdue work, with deep-poverty totals; a quarter kept at its end answers the \
            kept figures (`kept: true`). `format=xlsx` answers the same figures as an XLSX workbook.""")
    @ApiResponse(responseCode = "200", description = "报表 / The report", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ProgressReports.Report.class)),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary")) })
    @GetMapping("/api/reports/progress")
    ResponseEntity<?> progress(
            @Parameter(description = "县（6 位）或乡镇（9 位）区划代码 / County or township code", example = "130102")
            @RequestParam(required = false) String region,
            @Parameter(description = "季度 yyyy-Qn / Quarter, yyyy-Qn", example = "2026-Q1")
            @RequestParam(required = false) String period,
            @Parameter(schema = @Schema(allowableValues = { "json", "xlsx" }, defaultValue = "json"))
            @RequestParam(required = false) String format)
            throws IOException {

        if (format != null && !format.isBlank() && !"xlsx".equalsIgnoreCase(format.strip())
                && !"json".equalsIgnoreCase(format.strip())) {
            throw InvalidInputException.of("format", "「格式」须为 json 或 xlsx / format must be json or xlsx");
        }
        ProgressReports.Report r = reports.report(region, period, actors.currentScope());
        if (format == null || !"xlsx".equalsIgnoreCase(format.strip())) {
            return ResponseEntity.ok(r);
        }
        String file = "兜底脱贫行动实施情况-" + r.region() + "-" + r.period() + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"))
                .body(xlsx(r));
    }

    static byte[] xlsx(ProgressReports.Report r) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("实施情况");
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle head = book.createCellStyle();
            head.setFont(bold);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("兜底脱贫行动实施情况 " + r.regionName() + "（" + r.region() + "） " + r.period()
                    + "（" + r.from() + " 至 " + r.to() + "）" + (r.kept() ? " 已于 " + r.generatedAt() + " 生成留存" : " 实时统计"));
            title.getCell(0).setCellStyle(head);
            Row header = sheet.createRow(2);
            List<String> headings = new ArrayList<>(List.of("区划代码", "乡镇（街道）", "深度贫困地区"));
            for (ProgressMetric m : ProgressMetric.values()) {
                headings.add(m.label());
            }
            for (int i = 0; i < headings.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(headings.get(i));
                c.setCellStyle(head);
            }
            int n = 3;
            List<ProgressReports.Row> all = new ArrayList<>(r.rows());
            all.add(r.total());
            all.add(r.deepPoverty());
            all.add(r.other());
            for (ProgressReports.Row row : all) {
                Row x = sheet.createRow(n++);
                boolean isTotal = r.rows().stream().noneMatch(t -> t == row);
                x.createCell(0).setCellValue(isTotal ? "" : row.code());
                x.createCell(1).setCellValue(row.name());
                x.createCell(2).setCellValue(row.deepPoverty() == null ? "" : "SANQU_SANZHOU".equals(row.deepPoverty())
                        ? "三区三州" : "深度贫困地区");
                int col = 3;
                for (ProgressMetric m : ProgressMetric.values()) {
                    BigDecimal v = row.values().getOrDefault(m, BigDecimal.ZERO);
                    x.createCell(col++).setCellValue(v.doubleValue());
                }
                if (isTotal) {
                    x.getCell(1).setCellStyle(head);
                }
            }
            sheet.setColumnWidth(1, 20 * 256);
            book.write(out);
            return out.toByteArray();
        }
    }
}
