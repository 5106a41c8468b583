package org.doudi.verification.web;

import java.util.List;
import java.util.Set;

import org.doudi.region.StaffRole;
import org.doudi.security.Actors;
import org.doudi.shared.OutsideScopeException;
import org.doudi.verification.RegistryImports;
import org.springframework.http.HttpStatus;
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
 * {@code POST /api/registry-records}: a batch of records from another department's register (车辆,
 * 不动产, 市场主体, 社保 …) for data verification. County civil-affairs staff and administrators only.
 */
@RestController
@Tag(name = "信息核对 Verification")
class RegistryImportController {

    private final RegistryImports imports;
    private final Actors actors;

    RegistryImportController(RegistryImports imports, Actors actors) {
        this.imports = imports;
        this.actors = actors;
    }

    record Batch(String batch, List<RegistryImports.Entry> records) {
    }

    record Imported(String batch, int imported) {
    }

    @Operation(summary = "导入部门登记信息 / Import register records", description = """
            县级民政工作人员导入其他部门登记的信息（category：VEHICLE 车辆、REAL_ESTATE 不动产、BUSINESS_REGISTRATION 市场主体、\
            SOCIAL_INSURANCE 社保、TAX、HOUSING_FUND、DEPOSIT、INSURANCE、SECURITIES、HOUSEHOLD_REGISTRATION），供信息核对使用；\
            有一条无效则整批不导入。

            County civil-affairs staff import what other departments' registers hold, for data verification; one \
            invalid record and nothing is imported.""")
    @ApiResponse(responseCode = "201", description = "已导入 / Imported")
    @PostMapping("/api/registry-records")
    @ResponseStatus(HttpStatus.CREATED)
    Imported importBatch(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = """
                    {"batch": "2026-03-vehicles",
                     "records": [{"idNumber": "130102197003070012", "category": "VEHICLE",
                                  "description": "小型轿车 冀A12345", "amount": 60000}]}""")))
            @RequestBody Batch batch) {

        if (!actors.currentScope().hasAnyRole(Set.of(StaffRole.COUNTY_REVIEWER))) {
            throw new OutsideScopeException("only county civil-affairs staff import register records");
        }
        return new Imported(batch.batch(), imports.importBatch(batch.batch(), batch.records()));
    }
}
