package org.doudi.cases.web;

import java.net.URI;

import org.doudi.cases.ApplicationForm;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseIntake;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/applications}: a household applies; the case and its process start at once. */
@RestController
@RequestMapping("/api/applications")
@Tag(name = "案件 Cases")
class ApplicationController {

    private final CaseIntake intake;

    ApplicationController(CaseIntake intake) {
        this.intake = intake;
    }

    record Created(String caseNumber, String processInstanceId, String status) {
    }

    @Operation(summary = "提交申请 / Submit an application", description = """
            登记一户的低保（DIBAO）、特困（TEKUN）或临时救助（TEMPORARY，另填 kind：EMERGENCY 急难型 / EXPENDITURE 支出型，\
            及可选的 cause）申请；案件与流程随即开始，回答带案件编号和 Location。村、乡镇、县级工作人员可为本辖区的村提交。

            Registers a household's application for 低保 (`DIBAO`), 特困 (`TEKUN`) or temporary assistance \
            (`TEMPORARY` with `kind` `EMERGENCY`/`EXPENDITURE` and an optional `cause`); the case and its process \
            start at once. Village, township and county staff apply for villages in their regions. `members` lists \
            the other household members (`relation`: `SPOUSE`, `CHILD`, `PARENT` …).""")
    @ApiResponse(responseCode = "201", description = "已登记，流程已开始 / Registered, the process has started")
    @ApiResponse(responseCode = "400", description = "逐项列出无效字段（身份证号校验码、未知的村、缺少或类型错误的字段）/ Each bad"
            + " field named (ID checksum, unknown village, missing or mistyped field)")
    @ApiResponse(responseCode = "403", description = "村不在本人辖区 / The village is outside your regions")
    @ApiResponse(responseCode = "409", description = "家庭中已有人在该项目有未办结案件（existingCaseNumber），或规则不准（如临时救助超过年度次数）"
            + " / Someone of the household already has an open case in the programme (existingCaseNumber), or a rule"
            + " refuses it (e.g. temporary assistance beyond the yearly limit)")
    @PostMapping
    ResponseEntity<Created> submit(@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "申请 / The"
            + " application", content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "低保 DIBAO", value = """
                            {"programme": "DIBAO", "villageCode": "130102100201",
                             "applicant": {"name": "张三", "idNumber": "130102197003070012", "phone": "13800000000"},
                             "members": [{"name": "李四", "idNumber": "130102197205110027", "relation": "SPOUSE"}],
                             "reason": "因病致贫"}"""),
                    @ExampleObject(name = "临时救助 TEMPORARY", value = """
                            {"programme": "TEMPORARY", "kind": "EMERGENCY", "cause": "FIRE",
                             "villageCode": "130102100201",
                             "applicant": {"name": "张三", "idNumber": "130102197003070012", "phone": "13800000000"},
                             "members": [], "reason": "房屋失火", "requestedAmount": 2000.00}""") }))
            @RequestBody ApplicationForm form) {

        AssistanceCase c = intake.submit(form);
        return ResponseEntity.created(URI.create("/api/cases/" + c.caseNumber()))
                .body(new Created(c.caseNumber(), c.processInstanceId(), c.status().name()));
    }
}
