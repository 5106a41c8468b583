package org.doudi.verification;

import java.util.Optional;

import org.doudi.household.WorkAbility;

/**
 * A 特困 applicant's ability to work as the investigation finds it: the presumption from age, schooling
 * and disability ({@link WorkAbility}), unless the home visit records a finding of its own with its
 * reason. The application's declaration plays no part.
 * <ul>
 * <li>No finding ({@link WorkAbilityFinding#PRESUMED}): the presumption.</li>
 * <li>Unable ({@link WorkAbilityFinding#UNABLE}): the county's assessment that a condition prevents work;
 * a reason is required where age and disability presume the applicant able.</li>
 * <li>Able ({@link WorkAbilityFinding#ABLE}): a reason is required where the presumption is unable (the
 * disability certificate or school enrolment did not hold up); never against age, which the resident
 * ID proves and the 认定办法 makes conclusive.</li>
 * </ul>
 */
public final class TekunWorkAbility {

    private TekunWorkAbility() {
    }

    /**
     * Whether the applicant is able to work.
     *
     * @param presumedUnable why age, schooling or disability presume him unable, or empty
     */
    public static boolean ableToWork(Optional<WorkAbility.Basis> presumedUnable, WorkAbilityFinding finding) {
        return switch (finding == null ? WorkAbilityFinding.PRESUMED : finding) {
            case PRESUMED -> presumedUnable.isEmpty();
            case ABLE -> true;
            case UNABLE -> false;
        };
    }

    /** A problem with a finding, for the field it concerns. */
    public record Problem(String field, String message) {
    }

    /** What is wrong with a finding and its reason, or empty when it may be recorded. */
    public static Optional<Problem> problemWith(Optional<WorkAbility.Basis> presumedUnable,
            WorkAbilityFinding finding, String reason) {
        boolean noReason = reason == null || reason.isBlank();
        if (finding == WorkAbilityFinding.UNABLE && presumedUnable.isEmpty() && noReason) {
            return Optional.of(new Problem("ableToWorkReason", "按年龄和残疾等级推定申请人有劳动能力；认定无劳动能力的，"
                    + "必须写明评估依据（如病情、诊断证明、评估结论）"));
        }
        if (finding == WorkAbilityFinding.ABLE && presumedUnable.isPresent()) {
            WorkAbility.Basis basis = presumedUnable.get();
            if (basis.fromAge()) {
                return Optional.of(new Problem("applicantAbleToWork", "申请人" + basis.label()
                        + "，依《特困人员认定办法》应当认定为无劳动能力，不能认定为有劳动能力"));
            }
            if (noReason) {
                return Optional.of(new Problem("ableToWorkReason", "申请人按“" + basis.label()
                        + "”推定为无劳动能力；认定有劳动能力的，必须写明理由（如残疾证或在校情况核实不符）"));
            }
        }
        return Optional.empty();
    }
}
