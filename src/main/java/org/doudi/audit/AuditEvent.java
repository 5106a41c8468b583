package org.doudi.audit;

/**
 * One act for the audit trail (等保: who, what, when, result).
 *
 * @param actor         user id, {@code anonymous} when nobody logged in, {@code system} for the engine's own work
 * @param action        what was attempted, e.g. {@code engine.task.complete}, {@code api.POST /api/applications},
 *                      {@code login.failed}, {@code case.read}
 * @param target        what it was done to: a case number, a task id, a user id, a path
 * @param caseNumber    the case concerned, or {@code null}
 * @param regionCode    the county (6 digits) the act concerns, for county supervisors' view; or {@code null}
 * @param outcome       {@code SUCCESS}, {@code REFUSED} (a 4xx, a login failure) or {@code FAILED} (a 5xx)
 * @param detail        short free text: HTTP status, the fields submitted (names, never values), the reason
 * @param clientAddress the client's IP address, or {@code null}
 */
public record AuditEvent(String actor, String action, String target, String caseNumber, String regionCode,
        String outcome, String detail, String clientAddress) {

    public static final String SUCCESS = "SUCCESS";
    public static final String REFUSED = "REFUSED";
    public static final String FAILED = "FAILED";
}
