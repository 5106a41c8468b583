package org.doudi.gateway;

import java.util.List;

import org.doudi.region.StaffScope;

/** Who is calling the engine API: a user and his groups; operators are members of {@code camunda-admin}. */
record EngineCaller(String userId, List<String> groupIds) {

    static final EngineCaller NOBODY = new EngineCaller(null, List.of());

    boolean isAuthenticated() {
        return userId != null;
    }

    boolean isOperator() {
        return groupIds.contains(StaffScope.ADMIN_GROUP);
    }

    String actor() {
        return userId == null ? "anonymous" : userId;
    }
}
