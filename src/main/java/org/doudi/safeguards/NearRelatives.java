package org.doudi.safeguards;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseEvents;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.DeclaredNearRelation;
import org.doudi.cases.StaffRelation;
import org.doudi.cases.TimelineStep;
import org.doudi.household.HouseholdMember;
import org.doudi.household.ResidentId;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.RegionService;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.security.Actors;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.OutsideScopeException;
import org.doudi.shared.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 近亲属备案: applications by near relatives of township caseworkers or village officials are registered
 * separately and the county carries out the home visit itself (2021 审核确认办法). A case is marked when
 * its application declares such a relation, and when the county's staff-relation roster names the
 * applicant or a member by resident ID — looked up at intake and again at acceptance, since the roster
 * may have changed in between. A mark is never taken back by a later roster.
 */
@Service
@Transactional
public class NearRelatives {

    private static final Logger log = LoggerFactory.getLogger(NearRelatives.class);

    /** Who maintains a county's roster: its civil-affairs staff (and operators). */
    static final Set<StaffRole> ROSTER_ROLES = EnumSet.of(StaffRole.COUNTY_REVIEWER);
    static final int MAX_ROSTER_LINES = 20_000;
    static final int MAX_NAME = 50;
    static final int MAX_POST = 100;

    private final StaffRelationRepository roster;
    private final NearRelativeMarkRepository marks;
    private final NearRelativeCaseRepository markedCases;
    private final CaseRepository cases;
    private final CaseRecords records;
    private final RegionService regions;
    private final Clock clock;

    NearRelatives(StaffRelationRepository roster, NearRelativeMarkRepository marks,
            NearRelativeCaseRepository markedCases, CaseRepository cases, CaseRecords records, RegionService regions,
            Clock clock) {
        this.roster = roster;
        this.marks = marks;
        this.markedCases = markedCases;
        this.cases = cases;
        this.records = records;
        this.regions = regions;
        this.clock = clock;
    }

    // --- the roster ------------------------------------------------------------------------------

    /** A line of an uploaded roster, as sent. */
    public record RosterLine(String staffName, String staffPost, String regionCode, String relativeIdNumber,
            String relativeName, String relation) {
    }

    /** Replaces the county's roster with the lines given, all checked first: one wrong line changes nothing. */
    public List<StaffRelationEntry> replaceRoster(String countyCode, List<RosterLine> lines, String actor,
            StaffScope scope) {
        requireRosterScope(countyCode, scope);
        if (lines == null) {
            throw InvalidInputException.of("body", "必须是名册列表 (a JSON list of roster lines is required)");
        }
        if (lines.size() > MAX_ROSTER_LINES) {
            throw InvalidInputException.of("body", "名册不能超过 " + MAX_ROSTER_LINES + " 行");
        }
        List<FieldViolation> errors = new ArrayList<>();
        List<StaffRelationEntry> entries = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < lines.size(); i++) {
            String path = "[" + i + "]";
            RosterLine l = lines.get(i);
            if (l == null) {
                errors.add(new FieldViolation(path, "为空 (is empty)"));
                continue;
            }
            String staffName = text(path + ".staffName", l.staffName(), MAX_NAME, errors);
            String staffPost = text(path + ".staffPost", l.staffPost(), MAX_POST, errors);
            String relativeName = text(path + ".relativeName", l.relativeName(), MAX_NAME, errors);
            String region = regionOf(path + ".regionCode", l.regionCode(), countyCode, errors);
            String id = null;
            if (l.relativeIdNumber() == null || l.relativeIdNumber().isBlank()) {
                errors.add(new FieldViolation(path + ".relativeIdNumber", "必须填写近亲属的公民身份号码 (is required)"));
            } else {
                String normalised = l.relativeIdNumber().trim().toUpperCase();
                String problem = ResidentId.problemWith(normalised);
                if (problem != null) {
                    errors.add(new FieldViolation(path + ".relativeIdNumber", "不是有效的公民身份号码 (" + problem + ")"));
                } else {
                    id = normalised;
                }
            }
            StaffRelation relation = null;
            if (l.relation() == null || l.relation().isBlank()) {
                errors.add(new FieldViolation(path + ".relation", "必须填写关系 (" + StaffRelation.allowed() + ")"));
            } else {
                relation = StaffRelation.parse(l.relation()).orElse(null);
                if (relation == null) {
                    errors.add(new FieldViolation(path + ".relation", "关系不明：" + l.relation() + " ("
                            + StaffRelation.allowed() + ")"));
                }
            }
            if (staffName != null && staffPost != null && relativeName != null && region != null && id != null
                    && relation != null) {
                entries.add(new StaffRelationEntry(countyCode, staffName, staffPost, region, id, relativeName,
                        relation, now, actor));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        roster.deleteByCounty(countyCode);
        List<StaffRelationEntry> saved = roster.saveAll(entries);
        log.info("staff-relation roster of county {} replaced by {}: {} lines", countyCode, actor, saved.size());
        return saved;
    }

    @Transactional(readOnly = true)
    public List<StaffRelationEntry> roster(String countyCode, StaffScope scope) {
        requireRosterScope(countyCode, scope);
        return roster.findByCountyCodeOrderById(countyCode);
    }

    private void requireRosterScope(String countyCode, StaffScope scope) {
        Region county = regions.find(countyCode).filter(r -> r.level() == RegionLevel.COUNTY)
                .orElseThrow(() -> new NotFoundException("no county " + countyCode));
        if (!scope.hasRoleFor(ROSTER_ROLES, county.code())) {
            throw new OutsideScopeException("只有本县民政部门可以维护近亲属备案名册 (only the county's civil-affairs staff "
                    + "maintain its staff-relation roster)");
        }
    }

    private String regionOf(String field, String value, String countyCode, List<FieldViolation> errors) {
        String code = value == null ? null : value.trim();
        if (code == null || code.isEmpty()) {
            errors.add(new FieldViolation(field, "必须填写工作人员所在乡镇或村的区划代码 (is required)"));
            return null;
        }
        RegionLevel level = RegionLevel.ofCode(code);
        if ((level != RegionLevel.TOWNSHIP && level != RegionLevel.VILLAGE) || !code.startsWith(countyCode)
                || regions.find(code).isEmpty()) {
            errors.add(new FieldViolation(field, "不是本县的乡镇（9 位）或村（12 位）区划代码：" + code));
            return null;
        }
        return code;
    }

    private static String text(String field, String value, int max, List<FieldViolation> errors) {
        String t = Texts.singleLine(value);
        if (t == null) {
            errors.add(new FieldViolation(field, "必须填写 (is required)"));
            return null;
        }
        if (t.length() > max) {
            errors.add(new FieldViolation(field, "不能超过 " + max + " 个字"));
            return null;
        }
        return t;
    }

    // --- marking cases ---------------------------------------------------------------------------

    /** At intake: what the application declared, and what the county's roster shows. */
    @EventListener
    void onSubmitted(CaseEvents.Submitted submitted) {
        AssistanceCase c = cases.requireWithHousehold(submitted.caseNumber());
        List<NearRelativeMark> added = new ArrayList<>();
        Map<String, HouseholdMember> byId = membersById(c);
        Instant now = clock.instant();
        for (DeclaredNearRelation d : submitted.declaredNearRelations()) {
            HouseholdMember m = byId.get(d.idNumber());
            String name = m == null ? d.personName() : m.name();
            added.add(new NearRelativeMark(c.id(), name, d.idNumber(), d.relation(), d.staffName(), d.staffPost(),
                    NearRelativeMark.Source.DECLARED, now, submitted.actor()));
        }
        added.addAll(fromRoster(c, byId, added, now));
        mark(c, added, submitted.actor(), "受理登记");
    }

    /**
     * At acceptance: the roster again, in case it changed since intake.
     *
     * @return how many new marks were recorded
     */
    public int detectAtAcceptance(String caseNumber, String actor) {
        AssistanceCase c = cases.requireWithHousehold(caseNumber);
        List<NearRelativeMark> added = fromRoster(c, membersById(c), marks.findByCaseIdOrderById(c.id()),
                clock.instant());
        mark(c, added, actor, "受理");
        return added.size();
    }

    private List<NearRelativeMark> fromRoster(AssistanceCase c, Map<String, HouseholdMember> byId,
            List<NearRelativeMark> known, Instant now) {
        List<NearRelativeMark> found = new ArrayList<>();
        if (byId.isEmpty()) {
            return found;
        }
        for (StaffRelationEntry e : roster.findByCountyCodeAndRelativeIdNumberIn(c.countyCode(), byId.keySet())) {
            boolean seen = known.stream().anyMatch(k -> k.sameAs(e.relativeIdNumber(), e.staffName(), e.relation()))
                    || found.stream().anyMatch(k -> k.sameAs(e.relativeIdNumber(), e.staffName(), e.relation()));
            if (!seen) {
                found.add(new NearRelativeMark(c.id(), byId.get(e.relativeIdNumber()).name(), e.relativeIdNumber(),
                        e.relation(), e.staffName(), e.staffPost(), NearRelativeMark.Source.ROSTER, now,
                        Actors.SYSTEM));
            }
        }
        return found;
    }

    private void mark(AssistanceCase c, List<NearRelativeMark> added, String actor, String when) {
        if (added.isEmpty()) {
            return;
        }
        marks.saveAll(added);
        c.registerNearRelative();
        StringBuilder detail = new StringBuilder("单独登记备案，由县级民政部门入户调查：");
        Set<String> lines = new HashSet<>();
        for (NearRelativeMark m : added) {
            String line = m.memberName() + " 是" + (m.staffPost() == null ? "" : m.staffPost()) + m.staffName() + "的"
                    + m.relation().label() + "（" + (m.source() == NearRelativeMark.Source.DECLARED ? "申请人申报"
                            : "县级备案名册比对") + "）";
            if (lines.add(line)) {
                detail.append(lines.size() == 1 ? "" : "；").append(line);
            }
        }
        records.step(c, TimelineStep.NEAR_RELATIVE, actor, "registered", detail.toString());
        log.info("case {}: registered as near relative of staff at {} ({} marks)", c.caseNumber(), when,
                added.size());
    }

    private static Map<String, HouseholdMember> membersById(AssistanceCase c) {
        Map<String, HouseholdMember> byId = new LinkedHashMap<>();
        for (HouseholdMember m : c.household().members()) {
            byId.put(m.idNumber(), m);
        }
        return byId;
    }

    // --- reading ---------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<NearRelativeMark> marksOf(AssistanceCase c) {
        return marks.findByCaseIdOrderById(c.id());
    }

    /** A marked case with its marks. */
    public record MarkedCase(AssistanceCase assistanceCase, List<NearRelativeMark> marks) {
    }

    /** The marked cases of a county, township or village, newest first; only in the caller's scope. */
    @Transactional(readOnly = true)
    public List<MarkedCase> casesIn(String regionCode, StaffScope scope) {
        String code = regionCode == null ? null : regionCode.trim();
        if (code == null || code.isEmpty()) {
            throw InvalidInputException.of("region", "必须填写县、乡镇或村的区划代码 (is required)");
        }
        if (regions.find(code).isEmpty()) {
            throw InvalidInputException.of("region", "区划代码不存在：" + code);
        }
        if (!scope.canSee(code)) {
            throw new OutsideScopeException("不能查看该地区的案件 (outside your region)");
        }
        List<AssistanceCase> found = markedCases.findMarkedIn(code);
        Map<Long, List<NearRelativeMark>> byCase = new LinkedHashMap<>();
        found.forEach(c -> byCase.put(c.id(), new ArrayList<>()));
        if (!found.isEmpty()) {
            marks.findByCaseIdInOrderById(List.copyOf(byCase.keySet()))
                    .forEach(m -> byCase.get(m.caseId()).add(m));
        }
        return found.stream().map(c -> new MarkedCase(c, byCase.get(c.id()))).toList();
    }
}
