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

/** {@code POST /api/applications}: a household applies; the case and its process start at once. */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

    private final CaseIntake intake;

    ApplicationController(CaseIntake intake) {
        this.intake = intake;
    }

    record Created(String caseNumber, String processInstanceId, String status) {
    }

    @PostMapping
    ResponseEntity<Created> submit(@RequestBody ApplicationForm form) {
        AssistanceCase c = intake.submit(form);
        return ResponseEntity.created(URI.create("/api/cases/" + c.caseNumber()))
                .body(new Created(c.caseNumber(), c.processInstanceId(), c.status().name()));
    }
}
