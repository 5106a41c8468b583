package org.doudi.household;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * The household of one application (共同生活的家庭成员) as declared and checked at the time: the
 * applicant and every member, each person once.
 */
@Entity
@Table(name = "household")
public class Household {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "village_code", nullable = false)
    private String villageCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "household", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<HouseholdMember> members = new ArrayList<>();

    protected Household() {
    }

    /**
     * A household of the applicant and the declared members; a member with the applicant's number is
     * the applicant himself and is not counted twice.
     */
    public Household(String villageCode, Person applicant, List<Person> members, Instant now, LocalDate today) {
        this(villageCode, applicant, members, now, today, WorkingAge.DEFAULT);
    }

    /**
     * As {@link #Household(String, Person, List, Instant, LocalDate)}, each member's ability to work
     * presumed within the county's working age in force on the day of application.
     */
    public Household(String villageCode, Person applicant, List<Person> members, Instant now, LocalDate today,
            WorkingAge workingAge) {
        this.villageCode = villageCode;
        this.createdAt = now;
        Map<String, Person> byNumber = new LinkedHashMap<>();
        byNumber.put(applicant.id().value(), applicant);
        for (Person member : members) {
            if (member.id().equals(applicant.id())) {
                // The applicant listed among the members: keep his declared details.
                byNumber.put(applicant.id().value(), new Person(applicant.name(), applicant.id(), Relation.SELF,
                        member.disabilityGrade(), member.disabilityCategory(), member.seriousIllness(),
                        member.ableToWork(), member.inSchool()));
            } else {
                byNumber.putIfAbsent(member.id().value(), member);
            }
        }
        int position = 0;
        for (Person person : byNumber.values()) {
            this.members.add(new HouseholdMember(this, position++, person, today, workingAge));
        }
    }

    public Long id() {
        return id;
    }

    public String villageCode() {
        return villageCode;
    }

    public List<HouseholdMember> members() {
        return Collections.unmodifiableList(members);
    }

    public int size() {
        return members.size();
    }

    /** The applicant: always the first member. */
    public HouseholdMember applicant() {
        return members.get(0);
    }

    public List<HouseholdMember> severelyDisabledOrIll() {
        return members.stream().filter(HouseholdMember::isSeverelyDisabledOrIll).toList();
    }
}
