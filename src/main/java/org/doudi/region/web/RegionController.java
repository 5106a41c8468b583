package org.doudi.region.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.doudi.region.ActingStaff;
import org.doudi.region.DeepPoverty;
import org.doudi.region.DeepPovertyAreas;
import org.doudi.region.DeepPovertyFlags;
import org.doudi.region.Region;
import org.doudi.region.RegionService;
import org.doudi.region.StaffScope;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A region and its deep-poverty flag (深度贫困地区): {@code GET /api/regions/{code}} for any user (the designations
 * are public), {@code PUT /api/regions/{code}/deep-poverty} {@code {"kind": "SANQU_SANZHOU" | "DEEP_POVERTY" | null}}
 * for operators.
 */
@RestController
@RequestMapping("/api/regions/{code}")
@Tag(name = "区划与地方标准 Regions and policies")
class RegionController {

    private static final String CODE = "区划代码：县 6 位、乡镇 9 位、村 12 位 / Division code: county 6 digits, township 9,"
            + " village 12";
    private static final String KIND = "kind";

    private static final String KINDS = "SANQU_SANZHOU（三区三州）、DEEP_POVERTY（深度贫困地区）或 null（取消标识）";

    private final RegionService regions;
    private final DeepPovertyFlags flags;
    private final ActingStaff actors;

    RegionController(RegionService regions, DeepPovertyFlags flags, ActingStaff actors) {
        this.regions = regions;
        this.flags = flags;
        this.actors = actors;
    }

    /** The area a region lies in: the kind, its name, and the region whose flag gives it (itself or above). */
    record AreaView(String kind, String label, String flaggedRegion) {
    }

    /**
     * @param deepPoverty its own flag (what {@code PUT} sets), absent for none
     * @param deepPovertyArea the area it lies in through its own flag, its township's or its county's; absent for none
     */
    record RegionView(String code, String name, String level, String parentCode, String deepPoverty,
            AreaView deepPovertyArea) {

        static RegionView of(Region r, DeepPovertyAreas areas) {
            return new RegionView(r.code(), r.name(), r.level().name(), r.parentCode(),
                    r.deepPoverty() == null ? null : r.deepPoverty().name(),
                    areas.areaOf(r.code())
                            .map(a -> new AreaView(a.kind().name(), a.kind().label(), a.flaggedRegion()))
                            .orElse(null));
        }
    }

    @Operation(summary = "区划 / A region", description = """
            区划及其本身的深度贫困地区标识（deepPoverty）和所在的深度贫困地区（deepPovertyArea）。

            A region with its own deep-poverty flag (`deepPoverty`) and the area it lies in (`deepPovertyArea`).""")
    @GetMapping
    RegionView get(@Parameter(description = CODE) @PathVariable String code) {
        Region region = flags.region(code);
        return RegionView.of(region, regions.deepPovertyAreasOf(code));
    }

    /** Operators only; who may not is refused before anything is looked up, a bad body before anything changes. */
    @Operation(summary = "设定深度贫困地区标识 / Set the deep-poverty flag", description = """
            系统管理员设定（SANQU_SANZHOU 三区三州、DEEP_POVERTY 深度贫困地区）或清除（null）区划的标识，下级区划随之继承。

            Operators set (`SANQU_SANZHOU`, `DEEP_POVERTY`) or clear (`null`) a region's flag; the regions below \
            inherit it.""")
    @PutMapping("/deep-poverty")
    RegionView setDeepPoverty(@Parameter(description = CODE) @PathVariable String code,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object"), examples = @ExampleObject(value = """
                            {"kind": "SANQU_SANZHOU"}""")))
            @RequestBody(required = false) String body) {

        StaffScope scope = actors.currentScope();
        flags.requireOperator(scope);
        flags.region(code);
        DeepPoverty kind = kind(body);
        Region region = flags.set(code, kind, scope, actors.currentUserId());
        return RegionView.of(region, regions.deepPovertyAreasOf(code));
    }

    /** The kind the body names: {@code {"kind": …}} and nothing else; {@code null} clears. */
    private static DeepPoverty kind(String body) {
        JsonNode json = parse(body);
        List<FieldViolation> errors = new ArrayList<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!KIND.equals(name)) {
                errors.add(new FieldViolation(name, "不是深度贫困地区标识的字段，只有 kind (unknown field)"));
            }
        }
        JsonNode v = json.get(KIND);
        DeepPoverty kind = null;
        if (v == null) {
            errors.add(new FieldViolation(KIND, "「深度贫困类别」必须填写：" + KINDS + " (is required)"));
        } else if (!v.isNull()) {
            kind = v.isTextual() ? DeepPoverty.parse(v.asText()).orElse(null) : null;
            if (kind == null) {
                errors.add(new FieldViolation(KIND, "「深度贫困类别」取值无效，须为 " + KINDS + " (invalid value)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return kind;
    }

    private static JsonNode parse(String body) {
        return org.doudi.shared.JsonBody.parseObject(body);
    }
}
