package org.doudi.cases;

import org.doudi.region.StaffScope;

/**
 * Lets a feature show a case to staff outside the case's own region and roles, for a reason of its own
 * (a poverty office sees the cases referred to it).
 */
public interface CaseVisibility {

    boolean grants(StaffScope scope, AssistanceCase c);
}
