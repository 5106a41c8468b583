package org.doudi.region.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.doudi.household.WorkingAge;
import org.doudi.region.ActingStaff;
import org.doudi.region.Allowances;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicies;
import org.doudi.region.CountyPolicy;
import org.doudi.region.EnrolmentRules;
import org.doudi.region.PolicyValues;
import org.doudi.region.Region;
import org.doudi.region.RegionService;
import org.doudi.region.StaffScope;
import org.doudi.shared.Amounts;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A county's policy versions (地方标准): {@code GET} lists them, {@code POST} adds one from a month on. A
 * field left out of a new version keeps the value of the version in force in that month; {@code null}
 * clears an optional one (e.g. {@code disposableIncomeLine}: the county then takes no 支出型 applications).
 */
@RestController
@RequestMapping("/api/counties/{countyCode}/policies")
@Tag(name = "区划与地方标准 Regions and policies")
class CountyPolicyController {

    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Set<String> FIELDS = Set.of("effectiveFrom", "dibaoStandard", "tekunBasicStandard",
            "tekunCareSelf", "tekunCarePartial", "tekunCareFull", "singlePersonFactor", "approvalDelegated",
            "spotCheckRate", "townshipCap", "townshipCapMultiple", "grantsPerCausePerYear", "disposableIncomeLine",
            "povertyLine", "followUpDays", "amountRounding", "roundingMode", "minimumMonthlyAmount",
            "appraisalRequired", "workingAgeFrom", "workingAgeUntil",
            "workingAgeUntilFemale", "reviewMonthsStable", "reviewMonthsChanging", "phaseOutMonths", "phaseOutShare",
            "prorateFirstMonth", "paymentRollDay", "elderlyAge", "elderlyAllowanceBasis", "elderlyAllowance",
            "minorAllowanceBasis", "minorAllowance", "severeDisabilityAllowanceBasis", "severeDisabilityAllowance",
            "seriousIllnessAllowanceBasis", "seriousIllnessAllowance");


    private final CountyPolicies policies;
    private final RegionService regions;
    private final ActingStaff actors;

    CountyPolicyController(CountyPolicies policies, RegionService regions, ActingStaff actors) {
        this.policies = policies;
        this.regions = regions;
        this.actors = actors;
    }

    record VersionView(String effectiveFrom, boolean inForce, BigDecimal dibaoStandard, BigDecimal tekunBasicStandard,
            BigDecimal tekunCareSelf, BigDecimal tekunCarePartial, BigDecimal tekunCareFull,
            BigDecimal singlePersonFactor, boolean approvalDelegated, BigDecimal spotCheckRate, BigDecimal townshipCap,
            BigDecimal townshipCapMultiple, BigDecimal effectiveTownshipCap, int grantsPerCausePerYear,
            BigDecimal disposableIncomeLine, BigDecimal povertyLine, int followUpDays, String amountRounding,
            String roundingMode, BigDecimal minimumMonthlyAmount, String amountRule, boolean appraisalRequired,
            int workingAgeFrom, int workingAgeUntil, Integer workingAgeUntilFemale, int reviewMonthsStable,
            int reviewMonthsChanging, int phaseOutMonths, BigDecimal phaseOutShare, boolean prorateFirstMonth,
            int paymentRollDay, int elderlyAge, String elderlyAllowanceBasis, BigDecimal elderlyAllowance,
            String minorAllowanceBasis, BigDecimal minorAllowance, String severeDisabilityAllowanceBasis,
            BigDecimal severeDisabilityAllowance, String seriousIllnessAllowanceBasis,
            BigDecimal seriousIllnessAllowance, String createdBy, Instant createdAt) {

        static VersionView of(CountyPolicy p, YearMonth inForce) {
            PolicyValues v = p.values();
            EnrolmentRules e = v.enrolmentRules();
            Allowances a = v.allowances();
            return new VersionView(p.effectiveFrom().toString(), p.effectiveFrom().equals(inForce), v.dibaoStandard(),
                    v.tekunBasicStandard(), v.tekunCareSelf(), v.tekunCarePartial(), v.tekunCareFull(),
                    v.singlePersonFactor(), v.approvalDelegated(), v.spotCheckRate(), v.townshipCap(),
                    v.townshipCapMultiple(), p.townshipCap(), v.grantsPerCausePerYear(), v.disposableIncomeLine(),
                    v.povertyLine(), v.followUpDays(), v.amountRule().unit().name(), v.amountRule().mode().name(),
                    v.amountRule().minimum(), v.amountRule().describe(), v.appraisalRequired(), v.workingAgeFrom(),
                    v.workingAgeUntil(), v.workingAgeUntilFemale(), e.reviewMonthsStable(), e.reviewMonthsChanging(),
                    e.phaseOutMonths(), e.phaseOutShare(), e.prorateFirstMonth(), e.paymentRollDay(), a.elderlyAge(),
                    basis(a.elderly()), value(a.elderly()), basis(a.minor()), value(a.minor()),
                    basis(a.severeDisability()), value(a.severeDisability()), basis(a.seriousIllness()),
                    value(a.seriousIllness()), p.createdBy(), p.createdAt());
        }

        private static String basis(Allowances.Allowance a) {
            return a == null ? null : a.basis().name();
        }

        private static BigDecimal value(Allowances.Allowance a) {
            return a == null ? null : a.value();
        }
    }

    record Versions(String countyCode, String countyName, String inForce, List<VersionView> versions) {
    }

    /** Every version, the oldest first; the one in force this month is marked. Published numbers: any user. */
    @Operation(summary = "县级标准 / A county's policy versions", description = """
            县的地方标准各版本（低保标准、特困供养标准、审批权限下放、乡镇审批上限、取整规则、复核周期、渐退期、分类施保加发等），\
            旧的在前，标出本月生效的版本；已公布的数字，所有工作人员可看。

            Every version of the county's policy (地方标准: 低保 standard, 特困 standards, delegated approval, the \
            township cap, rounding, review intervals, phase-out, allowances …), the oldest first, the one in force \
            this month marked. Published numbers: any user.""")
    @GetMapping
    Versions list(@PathVariable String countyCode) {
        Region county = policies.county(countyCode);
        List<CountyPolicy> all = regions.policyVersions(countyCode);
        YearMonth inForce = regions.findPolicy(countyCode).map(CountyPolicy::effectiveFrom).orElse(null);
        return new Versions(countyCode, county.name(), inForce == null ? null : inForce.toString(),
                all.stream().map(p -> VersionView.of(p, inForce)).toList());
    }

    @Operation(summary = "新增县级标准版本 / Add a county policy version", description = """
            县级工作人员从某月（effectiveFrom）起设定新的标准；未填的字段沿用该月生效版本的值，null 清除可选字段\
            （如 disposableIncomeLine：该县不再受理支出型临时救助）。

            County staff add a version from a month (`effectiveFrom`) on; a field left out keeps the value of the \
            version in force in that month, `null` clears an optional one (e.g. `disposableIncomeLine`: the county \
            then takes no 支出型 applications).""")
    @ApiResponse(responseCode = "201", description = "已新增 / Added")
    @ApiResponse(responseCode = "409", description = "该月起的版本已设定，或自该月起已有按当时标准作出的决定 / A version from"
            + " that month exists, or decisions have been made since then under the standard in force")

    @PostMapping
    ResponseEntity<VersionView> add(@PathVariable String countyCode,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object"), examples = @ExampleObject(value = """
                            {"effectiveFrom": "2026-07", "dibaoStandard": 650.00, "approvalDelegated": false}""")))
            @RequestBody(required = false) String body) {

        policies.county(countyCode);
        StaffScope scope = actors.currentScope();
        policies.requireEditor(countyCode, scope);
        JsonNode json = parse(body);
        List<FieldViolation> errors = new ArrayList<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldViolation(name, "不是县级标准的字段 (unknown field)"));
            }
        }
        YearMonth from = month(json, errors);
        if (from == null) {
            throw new InvalidInputException(errors);
        }
        Fields f = new Fields(json, policies.baseFor(countyCode, from).orElse(null), errors);
        PolicyValues base = f.base;
        AmountRule.Unit unit = f.choice("amountRounding", "金额取整单位", AmountRule.Unit::parse,
                base == null ? AmountRule.Unit.FEN : base.amountRule().unit());
        AmountRule.Mode mode = f.choice("roundingMode", "取整方式", AmountRule.Mode::parse,
                base == null ? AmountRule.Mode.HALF_UP : base.amountRule().mode());
        BigDecimal minimum = f.amount("minimumMonthlyAmount", base == null ? null : base.amountRule().minimum(), true);
        if (minimum != null && minimum.signum() < 0) {
            errors.add(new FieldViolation("minimumMonthlyAmount", "「每月最低发放金额」不能为负数 (must not be negative)"));
            minimum = null;
        }
        PolicyValues values = new PolicyValues(
                f.amount("dibaoStandard", base == null ? null : base.dibaoStandard(), false),
                f.amount("tekunBasicStandard", base == null ? null : base.tekunBasicStandard(), false),
                f.amount("tekunCareSelf", base == null ? null : base.tekunCareSelf(), false),
                f.amount("tekunCarePartial", base == null ? null : base.tekunCarePartial(), false),
                f.amount("tekunCareFull", base == null ? null : base.tekunCareFull(), false),
                f.amount("singlePersonFactor", base == null ? null : base.singlePersonFactor(), false),
                f.flag("approvalDelegated", base == null ? null : base.approvalDelegated()),
                f.amount("spotCheckRate", base == null ? null : base.spotCheckRate(), false),
                f.amount("townshipCap", base == null ? null : base.townshipCap(), true),
                f.amount("townshipCapMultiple", base == null ? null : base.townshipCapMultiple(), true),
                f.whole("grantsPerCausePerYear", base == null ? 1 : base.grantsPerCausePerYear()),
                f.amount("disposableIncomeLine", base == null ? null : base.disposableIncomeLine(), true),
                f.amount("povertyLine", base == null ? null : base.povertyLine(), true),
                f.whole("followUpDays", base == null ? 90 : base.followUpDays()),
                new AmountRule(unit, mode, minimum),
                f.flag("appraisalRequired", base == null ? Boolean.FALSE : base.appraisalRequired()),
                f.whole("workingAgeFrom", base == null ? WorkingAge.DEFAULT.from() : base.workingAgeFrom()),
                f.whole("workingAgeUntil", base == null ? WorkingAge.DEFAULT.until() : base.workingAgeUntil()),
                f.optionalWhole("workingAgeUntilFemale", base == null ? null : base.workingAgeUntilFemale()),
                enrolmentRules(f, base == null ? EnrolmentRules.DEFAULT : base.enrolmentRules()),
                allowances(f, base == null ? Allowances.NONE : base.allowances()));
        // Everything wrong at once: what could not be read, and what was read but is outside its bounds.
        List<String> unreadable = errors.stream().map(FieldViolation::field).toList();
        values.problems().stream().filter(p -> !unreadable.contains(p.field())).forEach(errors::add);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        CountyPolicy added = policies.addVersion(countyCode, from, values, scope, actors.currentUserId());
        return ResponseEntity.created(URI.create("/api/counties/" + countyCode + "/policies"))
                .body(VersionView.of(added, regions.findPolicy(countyCode).map(CountyPolicy::effectiveFrom).orElse(null)));
    }

    /** The numbers for enrolled households: each field left out keeps the base version's. */
    private static EnrolmentRules enrolmentRules(Fields f, EnrolmentRules base) {
        return new EnrolmentRules(f.whole("reviewMonthsStable", base.reviewMonthsStable()),
                f.whole("reviewMonthsChanging", base.reviewMonthsChanging()),
                f.whole("phaseOutMonths", base.phaseOutMonths()),
                f.decimal("phaseOutShare", base.phaseOutShare(), false, 4),
                f.flag("prorateFirstMonth", base.prorateFirstMonth()),
                f.whole("paymentRollDay", base.paymentRollDay()));
    }

    /**
     * 分类施保: each category's basis and value, each left out keeping the base version's and {@code null}
     * clearing it; a basis without a value (or the reverse) is refused by {@link PolicyValues#problems()}.
     */
    private static Allowances allowances(Fields f, Allowances base) {
        return new Allowances(f.whole("elderlyAge", base.elderlyAge()),
                allowance(f, "elderlyAllowance", "老年人分类施保方式", base.elderly()),
                allowance(f, "minorAllowance", "未成年人分类施保方式", base.minor()),
                allowance(f, "severeDisabilityAllowance", "重度残疾人分类施保方式", base.severeDisability()),
                allowance(f, "seriousIllnessAllowance", "重病患者分类施保方式", base.seriousIllness()));
    }

    private static Allowances.Allowance allowance(Fields f, String name, String label, Allowances.Allowance base) {
        Allowances.Basis basis = f.optionalChoice(name + "Basis", label, Allowances.Basis::parse,
                "PERCENT（按低保标准的百分比）或 FIXED（固定金额，元）", base == null ? null : base.basis());
        BigDecimal value = f.amount(name, base == null ? null : base.value(), true);
        return Allowances.Allowance.of(basis, value);
    }

    private static JsonNode parse(String body) {
        return org.doudi.shared.JsonBody.parseObject(body);
    }

    private static YearMonth month(JsonNode json, List<FieldViolation> errors) {
        JsonNode v = json.get("effectiveFrom");
        if (v == null || v.isNull() || !v.isTextual() || !MONTH.matcher(v.asText()).matches()) {
            errors.add(new FieldViolation("effectiveFrom", "「生效月份」必须填写，格式为 yyyy-MM，如 2027-01 "
                    + "(is required, as yyyy-MM)"));
            return null;
        }
        try {
            return YearMonth.parse(v.asText());
        } catch (DateTimeException e) {
            errors.add(new FieldViolation("effectiveFrom", "「生效月份」不是有效的月份 (is not a month)"));
            return null;
        }
    }

    /** Reads the fields of a request over the version it starts from. */
    private static final class Fields {
        private final JsonNode json;
        private final PolicyValues base;
        private final List<FieldViolation> errors;

        Fields(JsonNode json, PolicyValues base, List<FieldViolation> errors) {
            this.json = json;
            this.base = base;
            this.errors = errors;
        }

        /** An amount or factor: left out → the base value; {@code null} → none (where allowed). */
        BigDecimal amount(String name, BigDecimal inherited, boolean optional) {
            return decimal(name, inherited, optional, 2);
        }

        /** A number with at most {@code scale} decimals: left out → the base value; {@code null} → none (where allowed). */
        BigDecimal decimal(String name, BigDecimal inherited, boolean optional, int scale) {
            if (!json.has(name)) {
                return inherited;
            }
            JsonNode v = json.get(name);
            if (v.isNull()) {
                if (!optional) {
                    errors.add(new FieldViolation(name, "不能为空 (must not be null)"));
                }
                return null;
            }
            BigDecimal d = v.isNumber() ? v.decimalValue()
                    : v.isTextual() ? Amounts.parse(v.asText()).orElse(null) : null;
            if (d == null || !Amounts.plausible(d)) {
                errors.add(new FieldViolation(name, "必须是数字（半角阿拉伯数字）(must be a number)"));
                return inherited;
            }
            if (d.stripTrailingZeros().scale() > scale) {
                errors.add(new FieldViolation(name, scale == 2 ? "至多两位小数 (has more than two decimals)"
                        : "至多 " + scale + " 位小数 (has more than " + scale + " decimals)"));
                return inherited;
            }
            return d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d;
        }

        Boolean flag(String name, Boolean inherited) {
            JsonNode v = json.get(name);
            if (v == null) {
                if (inherited == null) {
                    errors.add(new FieldViolation(name, "必须填写 true 或 false (is required)"));
                    return false;
                }
                return inherited;
            }
            if (!v.isBoolean()) {
                errors.add(new FieldViolation(name, "必须是 true 或 false (must be true or false)"));
                return inherited != null && inherited;
            }
            return v.asBoolean();
        }

        int whole(String name, int inherited) {
            JsonNode v = json.get(name);
            if (v == null) {
                return inherited;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                errors.add(new FieldViolation(name, "必须是整数 (must be a whole number)"));
                return inherited;
            }
            return v.asInt();
        }

        /** A whole number that may be absent: left out → the base value; {@code null} → none. */
        Integer optionalWhole(String name, Integer inherited) {
            JsonNode v = json.get(name);
            if (v == null) {
                return inherited;
            }
            if (v.isNull()) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                errors.add(new FieldViolation(name, "必须是整数或 null (must be a whole number or null)"));
                return inherited;
            }
            return v.asInt();
        }

        /** One of a set of values that may be cleared: left out → the base value; {@code null} → none. */
        <E> E optionalChoice(String name, String label,
                java.util.function.Function<String, java.util.Optional<E>> parse, String allowed, E inherited) {
            JsonNode v = json.get(name);
            if (v == null) {
                return inherited;
            }
            if (v.isNull()) {
                return null;
            }
            E e = v.isTextual() ? parse.apply(v.asText()).orElse(null) : null;
            if (e == null) {
                errors.add(new FieldViolation(name, "「" + label + "」取值无效 (invalid value)：" + allowed));
                return inherited;
            }
            return e;
        }

        <E> E choice(String name, String label, java.util.function.Function<String, java.util.Optional<E>> parse,
                E inherited) {
            JsonNode v = json.get(name);
            if (v == null) {
                return inherited;
            }
            E e = v.isTextual() ? parse.apply(v.asText()).orElse(null) : null;
            if (e == null) {
                errors.add(new FieldViolation(name, "「" + label + "」取值无效 (invalid value)：" + (name.equals("amountRounding")
                        ? "FEN（分）、JIAO（角）或 YUAN（元）" : "HALF_UP（四舍五入）、DOWN（舍去）或 UP（进位）")));
                return inherited;
            }
            return e;
        }
    }
}
