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

/**
 * {@code POST /api/registry-records}: a batch of records from another department's register (车辆,
 * 不动产, 市场主体, 社保 …) for data verification. County civil-affairs staff and administrators only.
 */
@RestController
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

    @PostMapping("/api/registry-records")
    @ResponseStatus(HttpStatus.CREATED)
    Imported importBatch(@RequestBody Batch batch) {
        if (!actors.currentScope().hasAnyRole(Set.of(StaffRole.COUNTY_REVIEWER))) {
            throw new OutsideScopeException("only county civil-affairs staff import register records");
        }
        return new Imported(batch.batch(), imports.importBatch(batch.batch(), batch.records()));
    }
}
