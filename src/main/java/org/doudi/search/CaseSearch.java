package org.doudi.search;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.doudi.cases.CaseStatus;
import org.doudi.cases.Programme;
import org.doudi.region.RegionLevel;
import org.doudi.region.RegionService;
import org.doudi.region.StaffScope;
import org.doudi.shared.ExportColumn;
import org.doudi.shared.ExportSheet;
import org.doudi.shared.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case search ({@code GET /api/cases?q=}): by case number, by a person's full resident ID (applicant or
 * member, through the keyed hash), or by a person's name (exact or prefix), within the searcher's regions,
 * newest first. One query for the page and at most one for the total, each on an index of the read model.
 */
@Service
@Transactional(readOnly = true)
public class CaseSearch {

    /** 18 characters, the last a digit or X: searched by the ID's keyed hash (a bad check digit finds nothing). */
    static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9Xx]");
    /** A whole case number ({@code DB-2026-130102100-000042}): exact; its beginning ({@code DB-2026-1301}): prefix. */
    static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z]{2}-[0-9-]*");
    static final Pattern WHOLE_CASE_NUMBER = Pattern.compile("[A-Z]{2}-[0-9]{4}-[0-9]{9}-[0-9]{6}");
    static final int MIN_NAME_LENGTH = 2;
    public static final int MAX_QUERY_LENGTH = 50;

    /**
     * What to look for; every part optional.
     *
     * @param region a division code within the searcher's regions; {@code null}: all his regions
     */
    public record Criteria(String q, String region, CaseStatus status, Programme programme, int page, int size) {
    }

    public record Hit(
            @ExportColumn("案件编号") String caseNumber,
            @ExportColumn("救助项目") String programme,
            @ExportColumn("状态") String status,
            @ExportColumn("申请人") String applicantName,
            @ExportColumn("身份证号（脱敏）") String idNumberMasked,
            @ExportColumn("村（居）代码") String villageCode,
            @ExportColumn("村（居）") String villageName,
            @ExportColumn("申请时间") Instant submittedAt) {
    }

    @ExportSheet("案件")

    public record Page(
            List<Hit> items,
            @ExportColumn("页码") int page,
            @ExportColumn("每页条数") int size,
            @ExportColumn("合计条数") long total) {
    }

    private final JdbcTemplate jdbc;
    private final SearchKey key;
    private final RegionService regions;

    CaseSearch(JdbcTemplate jdbc, SearchKey key, RegionService regions) {
        this.jdbc = jdbc;
        this.key = key;
        this.regions = regions;
    }

    public Page search(Criteria criteria, StaffScope scope) {
        List<String> regionCodes = regions.regionsToList(criteria.region(), scope, "查询", "案件", "cases");
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        // A person's ID or name: looked up with the region in the same index (a county's or township's
        // matching names, not the province's).
        List<Object> personArgs = new ArrayList<>();
        String persons = personCondition(criteria.q(), regionCodes, personArgs);
        if (persons != null) {
            where.add("e.case_id in (select p.case_id from case_search_person p where " + persons + ")");
            args.addAll(personArgs);
        } else if (criteria.q() != null) {
            caseNumberCondition(criteria.q(), where, args);
        }
        if (regionCodes != null) {
            where.add(within(regionCodes, false, args));
        }
        if (criteria.status() != null) {
            where.add("e.status = ?");
            args.add(criteria.status().name());
        }
        if (criteria.programme() != null) {
            where.add("e.programme = ?");
            args.add(criteria.programme().name());
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long offset = (long) criteria.page() * criteria.size();

        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(criteria.size());
        pageArgs.add(offset);
        List<Hit> items = jdbc.query("select e.case_number, e.programme, e.status, e.applicant_name,"
                + " e.applicant_id_masked, e.village_code, r.name as village_name, e.submitted_at"
                + " from case_search_entry e left join region r on r.code = e.village_code" + condition
                + " order by e.case_id desc limit ? offset ?",
                (rs, n) -> new Hit(rs.getString("case_number"), rs.getString("programme"), rs.getString("status"),
                        rs.getString("applicant_name"), rs.getString("applicant_id_masked"),
                        rs.getString("village_code"), rs.getString("village_name"),
                        rs.getObject("submitted_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)),
                pageArgs.toArray());
        long total;
        if (items.size() < criteria.size() && (!items.isEmpty() || offset == 0)) {
            // The last page: the total is known without counting.
            total = offset + items.size();
        } else if (persons != null && criteria.status() == null && criteria.programme() == null
                && (regionCodes == null || regionCodes.stream().noneMatch(c -> c.length() > 9))) {
            // Everything asked is in the person index: count there, without reading the cases.
            total = count("select count(distinct p.case_id) from case_search_person p where " + persons, personArgs);
        } else {
            total = count("select count(*) from case_search_entry e" + condition, args);
        }
        return new Page(items, criteria.page(), criteria.size(), total);
    }

    private long count(String sql, List<Object> args) {
        Long counted = jdbc.queryForObject(sql, Long.class, args.toArray());
        return counted == null ? 0 : counted;
    }

    /** The condition on the persons for an ID or a name, or {@code null} when {@code q} is neither. */
    private String personCondition(String q, List<String> regionCodes, List<Object> args) {
        if (q == null || CASE_NUMBER.matcher(q).matches()) {
            return null;
        }
        if (ID_NUMBER.matcher(q).matches()) {
            args.add(key.hash(q));
            return "p.id_hmac = ?" + personsWithin(regionCodes, args);
        }
        if (q.codePointCount(0, q.length()) < MIN_NAME_LENGTH) {
            throw InvalidInputException.of("q", "「查询内容」按姓名查询至少 " + MIN_NAME_LENGTH + " 个字 / a name"
                    + " needs at least " + MIN_NAME_LENGTH + " characters");
        }
        // exact or the beginning of the name; wildcards typed are characters like any other
        args.add(q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        return "p.name like ? escape '!'" + personsWithin(regionCodes, args);
    }

    /** A whole case number exactly, or its beginning. */
    private static void caseNumberCondition(String q, List<String> where, List<Object> args) {
        String number = q.toUpperCase(Locale.ROOT);
        if (WHOLE_CASE_NUMBER.matcher(number).matches()) {
            where.add("e.case_number = ?");
            args.add(number);
        } else {
            where.add("e.case_number like ?");
            args.add(number + "%");
        }
    }

    /** The region condition on the persons (a village by its township: the case's entry checks the village). */
    private static String personsWithin(List<String> codes, List<Object> args) {
        if (codes == null) {
            return "";
        }
        List<String> byTownship = codes.stream().map(c -> c.length() > 9 ? c.substring(0, 9) : c).distinct()
                .toList();
        return " and " + within(byTownship, true, args);
    }

    /** One column per level, so that each comparison can use that level's index. */
    private static String within(List<String> codes, boolean persons, List<Object> args) {
        String alias = persons ? "p." : "e.";
        List<String> any = new ArrayList<>();
        for (RegionLevel level : RegionLevel.values()) {
            List<String> ofLevel = codes.stream().filter(c -> c.length() == level.codeLength()).toList();
            if (ofLevel.isEmpty()) {
                continue;
            }
            String column = alias + switch (level) {
                case COUNTY -> "county_code";
                case TOWNSHIP -> "township_code";
                case VILLAGE -> "village_code";
            };
            any.add(ofLevel.size() == 1 ? column + " = ?"
                    : column + " in (" + String.join(", ", ofLevel.stream().map(c -> "?").toList()) + ")");
            args.addAll(ofLevel);
        }
        return any.size() == 1 ? any.get(0) : "(" + String.join(" or ", any) + ")";
    }
}
