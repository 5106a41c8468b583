package org.doudi.monitoring;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.doudi.region.RegionLevel;
import org.doudi.region.RegionService;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.shared.ConflictException;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.OutsideScopeException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counties' monitoring numbers ({@link MonitoringPolicy}), versioned by month like the county policy: a version
 * is added from a month on (never changed afterwards), and the one in force on a day is the latest not after it.
 */
@Service
public class MonitoringPolicies {

    private final JdbcTemplate jdbc;
    private final RegionService regions;
    private final MonitoringProperties properties;
    private final Clock clock;

    MonitoringPolicies(JdbcTemplate jdbc, RegionService regions, MonitoringProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.properties = properties;
        this.clock = clock;
    }

    private static final String COLUMNS = "county_code, effective_from, income_multiple, medical_threshold, "
            + "min_rosters, watch_refusal_multiple, watch_recheck_months";

    private static final RowMapper<MonitoringPolicy> ROW = (rs, i) -> new MonitoringPolicy(rs.getString(1),
            YearMonth.from(rs.getDate(2).toLocalDate()), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getInt(5),
            rs.getBigDecimal(6), rs.getInt(7));

    /** The numbers in force in the county on the day. */
    public MonitoringPolicy inForce(String countyCode, LocalDate day) {
        List<MonitoringPolicy> found = jdbc.query("select " + COLUMNS + " from monitoring_policy where county_code = ?"
                + " and effective_from <= ? order by effective_from desc limit 1", ROW, countyCode, Date.valueOf(day));
        if (!found.isEmpty()) {
            return found.get(0);
        }
        MonitoringProperties.Defaults d = properties.defaults();
        return new MonitoringPolicy(countyCode, null, d.incomeMultiple(), d.medicalThreshold(), d.minRosters(),
                d.watchRefusalMultiple(), d.watchRecheckMonths());
    }

    /** Every version of the county, oldest first. */
    public List<MonitoringPolicy> versions(String countyCode) {
        county(countyCode);
        return jdbc.query("select " + COLUMNS + " from monitoring_policy where county_code = ? order by effective_from",
                ROW, countyCode);
    }

    /**
     * Adds a version from a month on: county reviewers of the county and operators; not for a month already past (a
     * run of it may have used the numbers in force), nor twice for the same month.
     */
    @Transactional
    public MonitoringPolicy addVersion(MonitoringPolicy values, StaffScope scope, String actor) {
        county(values.countyCode());
        if (!scope.hasRoleFor(EnumSet.of(StaffRole.COUNTY_REVIEWER), values.countyCode())) {
            throw new OutsideScopeException("只有本县民政部门人员可以设置监测参数 / only the county's staff set its monitoring"
                    + " numbers");
        }
        List<FieldViolation> v = new ArrayList<>();
        if (values.effectiveFrom() == null) {
            v.add(new FieldViolation("effectiveFrom", "「生效月份」必须填写，格式 yyyy-MM (is required)"));
        } else if (values.effectiveFrom().isBefore(YearMonth.now(clock))) {
            v.add(new FieldViolation("effectiveFrom", "「生效月份」不能早于本月 (cannot be a past month)"));
        }
        positive(values.incomeMultiple(), "incomeMultiple", "收入倍数", new BigDecimal("10"), v);
        positive(values.medicalThreshold(), "medicalThreshold", "医疗自付费用额度（元）", new BigDecimal("10000000"), v);
        positive(values.watchRefusalMultiple(), "watchRefusalMultiple", "纳入潜在救助对象的收入倍数", new BigDecimal("10"),
                v);
        if (values.minRosters() < 2 || values.minRosters() > 20) {
            v.add(new FieldViolation("minRosters", "「名单数量」须为 2 到 20 的整数 (must be 2 to 20)"));
        }
        if (values.watchRecheckMonths() < 1 || values.watchRecheckMonths() > 24) {
            v.add(new FieldViolation("watchRecheckMonths", "「复查间隔（月）」须为 1 到 24 的整数 (must be 1 to 24)"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        try {
            jdbc.update("insert into monitoring_policy (" + COLUMNS + ", created_at, created_by) values (?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?)", values.countyCode(), Date.valueOf(values.effectiveFrom().atDay(1)),
                    values.incomeMultiple(), values.medicalThreshold(), values.minRosters(),
                    values.watchRefusalMultiple(), values.watchRecheckMonths(), Timestamp.from(clock.instant()), actor);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("该县 " + values.effectiveFrom() + " 起的监测参数已经设置，不能修改 / a version from "
                    + values.effectiveFrom() + " exists");
        }
        return values;
    }

    private static void positive(BigDecimal value, String field, String label, BigDecimal max, List<FieldViolation> v) {
        if (value == null || value.signum() <= 0 || value.compareTo(max) > 0 || value.scale() > 2) {
            v.add(new FieldViolation(field, "「" + label + "」须为大于 0、不超过 " + max.toPlainString()
                    + " 的数，最多两位小数 (must be positive, at most two decimals)"));
        }
    }

    private void county(String code) {
        if (code == null || regions.find(code).filter(r -> r.level() == RegionLevel.COUNTY).isEmpty()) {
            throw new NotFoundException("没有代码为 " + code + " 的县 / no county " + code);
        }
    }
}
