package org.doudi.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.doudi.TimeConfig;
import org.doudi.household.DisabilityCategory;
import org.doudi.household.Person;
import org.doudi.household.Relation;
import org.doudi.household.ResidentId;
import org.doudi.region.Region;
import org.doudi.region.RegionService;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.Texts;
import org.springframework.stereotype.Component;

/**
 * Checks an application field by field and names every problem at once, so that one answer tells the
 * caseworker everything to correct (as the one-time notice of missing materials does for families).
 */
@Component
class ApplicationValidator {

    static final int MAX_NAME = 50;
    static final int MAX_REASON = 1000;
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");

    private final RegionService regions;
    private final Clock clock;

    ApplicationValidator(RegionService regions, Clock clock) {
        this.regions = regions;
        this.clock = clock;
    }

    record ValidApplication(Programme programme, TemporaryKind kind, TemporaryCause cause, Region village,
            Person applicant, List<Person> members, String phone, String reason, BigDecimal requestedAmount,
            List<DeclaredNearRelation> nearRelations) {
    }

    ValidApplication validate(ApplicationForm form) {
        List<FieldViolation> errors = new ArrayList<>();
        // Birth dates are checked against the day of entry (China Standard Time).
        LocalDate today = TimeConfig.today(clock);
        if (form == null) {
            throw InvalidInputException.of("body", "an application is required");
        }
        List<DeclaredNearRelation> nearRelations = new ArrayList<>();

        Programme programme = null;
        if (blank(form.programme())) {
            errors.add(new FieldViolation("programme", "is required (DIBAO, TEKUN or TEMPORARY)"));
        } else {
            programme = Programme.parse(form.programme()).orElse(null);
            if (programme == null) {
                errors.add(new FieldViolation("programme", "must be DIBAO, TEKUN or TEMPORARY"));
            }
        }
        TemporaryKind kind = null;
        TemporaryCause cause = null;
        if (programme == Programme.TEMPORARY) {
            if (blank(form.kind())) {
                errors.add(new FieldViolation("kind", "is required for temporary assistance (EMERGENCY or EXPENDITURE)"));
            } else {
                kind = TemporaryKind.parse(form.kind()).orElse(null);
                if (kind == null) {
                    errors.add(new FieldViolation("kind", "must be EMERGENCY or EXPENDITURE"));
                }
            }
            if (!blank(form.cause())) {
                cause = TemporaryCause.parse(form.cause()).orElse(null);
                if (cause == null) {
                    errors.add(new FieldViolation("cause", "must be one of "
                            + Arrays.toString(TemporaryCause.values())));
                }
            }
        } else {
            if (!blank(form.kind())) {
                errors.add(new FieldViolation("kind", "is only for temporary assistance"));
            }
            if (!blank(form.cause())) {
                errors.add(new FieldViolation("cause", "is only for temporary assistance"));
            }
        }

        Region village = null;
        if (blank(form.villageCode())) {
            errors.add(new FieldViolation("villageCode", "is required"));
        } else {
            village = regions.village(form.villageCode().trim()).orElse(null);
            if (village == null) {
                errors.add(new FieldViolation("villageCode", "unknown village: " + form.villageCode()));
            } else if (regions.findPolicy(village.countyCode()).isEmpty()) {
                errors.add(new FieldViolation("villageCode",
                        "county " + village.countyCode() + " has no assistance policy configured"));
                village = null;
            }
        }

        Person applicant = null;
        String phone = null;
        if (form.applicant() == null) {
            errors.add(new FieldViolation("applicant", "is required"));
        } else {
            ApplicationForm.Applicant a = form.applicant();
            String name = name("applicant.name", a.name(), errors);
            ResidentId id = residentId("applicant.idNumber", "申请人公民身份号码", a.idNumber(), today, errors);
            phone = Texts.singleLine(a.phone());
            if (phone != null) {
                if (!PHONE.matcher(phone).matches()) {
                    errors.add(new FieldViolation("applicant.phone", "is not a telephone number"));
                }
            }
            if (name != null && id != null) {
                applicant = new Person(name, id, Relation.SELF, null, null, false, null);
            }
            nearRelation("applicant.staffRelation", a.staffRelation(), name, id, errors)
                    .ifPresent(nearRelations::add);
        }

        List<Person> members = new ArrayList<>();
        if (form.members() == null) {
            errors.add(new FieldViolation("members", "is required (list the household members; may be empty)"));
        } else {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < form.members().size(); i++) {
                member(i, form.members().get(i), seen, today, errors).ifPresent(members::add);
                ApplicationForm.Member m = form.members().get(i);
                if (m != null) {
                    ResidentId id = m.idNumber() == null || ResidentId.problemWith(m.idNumber().trim().toUpperCase()) != null
                            ? null : ResidentId.of(m.idNumber());
                    nearRelation("members[" + i + "].staffRelation", m.staffRelation(), Texts.singleLine(m.name()), id,
                            errors).ifPresent(nearRelations::add);
                }
            }
        }

        String reason = Texts.multiLine(form.reason());
        if (reason == null) {
            errors.add(new FieldViolation("reason", "is required (必须填写)"));
        } else if (reason.length() > MAX_REASON) {
            errors.add(new FieldViolation("reason", "is longer than " + MAX_REASON + " characters"));
        }

        BigDecimal requested = form.requestedAmount();
        if (requested != null) {
            if (requested.signum() < 0) {
                errors.add(new FieldViolation("requestedAmount", "must not be negative"));
            } else if (requested.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldViolation("requestedAmount", "has more than two decimals"));
            } else if (requested.compareTo(new BigDecimal("10000000")) >= 0) {
                errors.add(new FieldViolation("requestedAmount", "is implausibly large"));
            }
        }

        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ValidApplication(programme, kind, cause, village, applicant, members, phone, reason,
                requested == null ? null : requested.setScale(2), List.copyOf(nearRelations));
    }

    static final int MAX_POST = 100;

    /**
     * A declared near relation to staff (近亲属备案), optional: the relation and the staff member's name
     * and post are then all required.
     */
    private static Optional<DeclaredNearRelation> nearRelation(String path, ApplicationForm.StaffRelationDeclaration d,
            String personName, ResidentId id, List<FieldViolation> errors) {
        if (d == null || d.isEmpty()) {
            return Optional.empty();
        }
        StaffRelation relation = null;
        if (blank(d.relation())) {
            errors.add(new FieldViolation(path + ".relation", "is required with a near relation to staff (必须填写："
                    + StaffRelation.allowed() + ")"));
        } else {
            relation = StaffRelation.parse(d.relation()).orElse(null);
            if (relation == null) {
                errors.add(new FieldViolation(path + ".relation", "unknown relation: " + d.relation() + " ("
                        + StaffRelation.allowed() + ")"));
            }
        }
        String staffName = name(path + ".staffName", d.staffName(), errors);
        String post = Texts.singleLine(d.staffPost());
        if (post == null) {
            errors.add(new FieldViolation(path + ".staffPost", "is required (必须填写工作人员职务，如 村委会主任)"));
        } else if (post.length() > MAX_POST) {
            errors.add(new FieldViolation(path + ".staffPost", "is longer than " + MAX_POST + " characters"));
            post = null;
        }
        if (relation == null || staffName == null || post == null || id == null || personName == null) {
            return Optional.empty();
        }
        return Optional.of(new DeclaredNearRelation(id.value(), personName, relation, staffName, post));
    }

    private Optional<Person> member(int i, ApplicationForm.Member m, Map<String, Integer> seen, LocalDate today,
            List<FieldViolation> errors) {
        String path = "members[" + i + "]";
        if (m == null) {
            errors.add(new FieldViolation(path, "is empty"));
            return Optional.empty();
        }
        String name = name(path + ".name", m.name(), errors);
        ResidentId id = residentId(path + ".idNumber", "第 " + (i + 1) + " 位家庭成员的公民身份号码", m.idNumber(),
                today, errors);
        if (id != null) {
            Integer earlier = seen.putIfAbsent(id.value(), i);
            if (earlier != null) {
                errors.add(new FieldViolation(path + ".idNumber", "repeats members[" + earlier + "]"));
                id = null;
            }
        }
        Relation relation = null;
        if (blank(m.relation())) {
            errors.add(new FieldViolation(path + ".relation", "is required"));
        } else {
            relation = Relation.parse(m.relation()).orElse(null);
            if (relation == null) {
                errors.add(new FieldViolation(path + ".relation", "unknown relation: " + m.relation()
                        + " (SELF, SPOUSE, CHILD, PARENT, SIBLING, GRANDCHILD, GRANDPARENT, CHILD_IN_LAW, OTHER)"));
            }
        }
        Integer grade = m.disabilityGrade();
        if (grade != null && (grade < 1 || grade > 4)) {
            errors.add(new FieldViolation(path + ".disabilityGrade", "must be 1 to 4"));
        }
        DisabilityCategory category = null;
        if (!blank(m.disabilityCategory())) {
            category = DisabilityCategory.parse(m.disabilityCategory()).orElse(null);
            if (category == null) {
                errors.add(new FieldViolation(path + ".disabilityCategory", "unknown category: " + m.disabilityCategory()));
            } else if (grade == null) {
                errors.add(new FieldViolation(path + ".disabilityGrade", "is required with a disability category"));
            }
        }
        if (name == null || id == null || relation == null) {
            return Optional.empty();
        }
        return Optional.of(new Person(name, id, relation, grade, category, Boolean.TRUE.equals(m.seriousIllness()),
                m.ableToWork(), m.inSchool()));
    }

    private static String name(String field, String value, List<FieldViolation> errors) {
        String name = Texts.singleLine(value);
        if (name == null) {
            errors.add(new FieldViolation(field, "is required (必须填写)"));
            return null;
        }
        if (name.length() > MAX_NAME) {
            errors.add(new FieldViolation(field, "is longer than " + MAX_NAME + " characters"));
            return null;
        }
        return name;
    }

    /**
     * A resident ID as entered: well formed, with its check character, and a birth date a living person
     * can have on the day of entry. The message names the field in Chinese, never repeats the number.
     */
    private static ResidentId residentId(String field, String label, String value, LocalDate today,
            List<FieldViolation> errors) {
        if (blank(value)) {
            errors.add(new FieldViolation(field, "「" + label + "」必须填写 (is required)"));
            return null;
        }
        String normalised = value.trim().toUpperCase();
        String problem = ResidentId.problemWith(normalised, today);
        if (problem != null) {
            errors.add(new FieldViolation(field, "「" + label + "」无效：" + problem
                    + " (is not a valid resident ID number)"));
            return null;
        }
        return new ResidentId(normalised);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
