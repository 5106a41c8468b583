package org.doudi.household;

/**
 * A county's working age (劳动年龄), for the general presumption of ability to work of a household member
 * (低保: who counts as able to work, and so how often the household is reviewed): a person is presumed
 * able to work from his {@code from}th birthday until the day before his {@code until}th birthday. The
 * age is local: the county sets it in its policy ({@code workingAgeFrom}, {@code workingAgeUntil} and,
 * where women's working age ends earlier or later, {@code workingAgeUntilFemale}).
 * <p>
 * 特困 eligibility does not use it: the 《特困人员认定办法》 fixes its own list ({@link WorkAbility}).
 *
 * @param from the first year of age presumed able to work (14–18)
 * @param until the first year of age no longer presumed able to work (50–70)
 * @param untilFemale the same for women, or {@code null} when it is {@code until} for everyone
 */
public record WorkingAge(int from, int until, Integer untilFemale) {

    /** 16 to under 60 for everyone: the ages of the national 特困 list, where a county has set nothing else. */
    public static final WorkingAge DEFAULT = new WorkingAge(16, 60);

    /** The lawful range of {@link #from()}. */
    public static final int FROM_MIN = 14;
    public static final int FROM_MAX = 18;
    /** The lawful range of {@link #until()} and {@link #untilFemale()}. */
    public static final int UNTIL_MIN = 50;
    public static final int UNTIL_MAX = 70;

    /** One working age for men and women. */
    public WorkingAge(int from, int until) {
        this(from, until, null);
    }

    /** The first year of age no longer presumed able to work, for a person of this gender. */
    public int untilFor(ResidentId.Gender gender) {
        return gender == ResidentId.Gender.FEMALE && untilFemale != null ? untilFemale : until;
    }

    /** Within working age at this age (in whole years), for a person of this gender. */
    public boolean includes(int age, ResidentId.Gender gender) {
        return age >= from && age < untilFor(gender);
    }
}
