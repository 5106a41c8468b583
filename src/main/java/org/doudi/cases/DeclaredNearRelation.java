package org.doudi.cases;

import org.doudi.household.ResidentId;

/**
 * A near relation to a member of staff declared at intake (近亲属备案), checked: the person of the
 * household (by resident ID), how he is related, and the staff member's name and post.
 */
public record DeclaredNearRelation(String idNumber, String personName, StaffRelation relation, String staffName,
        String staffPost) {

    @Override
    public String toString() {
        return "DeclaredNearRelation[" + ResidentId.mask(idNumber) + ", " + relation + "]";
    }
}
