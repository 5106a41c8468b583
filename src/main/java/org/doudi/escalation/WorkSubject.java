package org.doudi.escalation;

/**
 * Work with user tasks that is not a case's (a field check, 摸排核查), as deadlines and escalation need it: its number
 * (the process's business key), what to call it in a notification (摸排核查), the programme-like variant its time
 * limits may name ({@code <step>-<variant>} in {@code doudi.time-limits}, else {@code <step>}), and its village.
 */
public record WorkSubject(String number, String label, String variant, String villageCode) {

    public String townshipCode() {
        return villageCode.substring(0, 9);
    }

    public String countyCode() {
        return villageCode.substring(0, 6);
    }
}
