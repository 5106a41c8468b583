package org.doudi.shared;

/**
 * Cleans free text that people typed (names, reasons, opinions, notes): control and invisible
 * formatting characters are removed, surrounding white space (also the ideographic space U+3000) is
 * stripped, and a text with nothing visible left counts as not given. So "\u0000", a zero-width space
 * or a run of spaces does not pass for "required", and no NUL or bidirectional override reaches the
 * database, a document or a log line.
 */
public final class Texts {

    private Texts() {
    }

    /** A one-line text (a name): line breaks and tabs become spaces. {@code null} when nothing visible is left. */
    public static String singleLine(String raw) {
        return clean(raw, false);
    }

    /** A text that may have several lines (a reason, an opinion): keeps line breaks and tabs. */
    public static String multiLine(String raw) {
        return clean(raw, true);
    }

    private static String clean(String raw, boolean multiLine) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean visible = false;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                // \r\n and a lone \r are both one line break
                if (i < raw.length() && raw.charAt(i) == '\n') {
                    continue;
                }
                cp = '\n';
            }
            if (cp == '\n' || cp == '\t' || cp == '\u2028' || cp == '\u2029') {
                out.append(multiLine ? (cp == '\t' ? '\t' : '\n') : ' ');
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
                continue;
            }
            out.appendCodePoint(cp);
            if (!blank(cp)) {
                visible = true;
            }
        }
        return visible ? out.toString().strip() : null;
    }

    /** White space, and the few letters and symbols that render as nothing (Hangul fillers, braille blank). */
    private static boolean blank(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800;
    }
}
