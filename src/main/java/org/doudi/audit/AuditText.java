package org.doudi.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes free text fit for the trail: a resident ID number (18 characters, GB 11643) or a mobile number
 * (11 digits) is masked wherever it appears, since a user may type one as his user name or into a path;
 * control characters and characters outside the Basic Multilingual Plane (which a MySQL column in
 * {@code utf8mb3} would reject or mangle, breaking the entry's MAC) are replaced; the text is cut to its column.
 */
final class AuditText {

    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private AuditText() {
    }

    static String clean(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(Math.min(value.length(), maxLength + 16));
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.isSupplementaryCodePoint(c)) {
                s.append('?');
            } else {
                s.appendCodePoint(c);
            }
        });
        String masked = mask(s.toString());
        return masked.length() <= maxLength ? masked : masked.substring(0, maxLength - 1) + "…";
    }

    static String mask(String value) {
        Matcher id = RESIDENT_ID.matcher(value);
        String s = id.replaceAll("$1********$2");
        return MOBILE.matcher(s).replaceAll("$1****$2");
    }
}
