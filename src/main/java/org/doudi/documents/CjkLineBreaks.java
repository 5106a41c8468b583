package org.doudi.documents;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where a line of Chinese may break (禁则, as GB/T 15834 and common typesetting keep it): anywhere between
 * two characters, except before a closing mark (，。、；：！？）》」』” …) and after an opening one
 * (（《「『“). OpenPDF's default would start a line with a comma.
 */
final class CjkLineBreaks implements SplitCharacter {

    static final CjkLineBreaks INSTANCE = new CjkLineBreaks();

    private static final String NO_BREAK_BEFORE = "，。、；：！？）》」』”’…—,.;:!?)]%·～";
    private static final String NO_BREAK_AFTER = "（《「『“‘([";

    private CjkLineBreaks() {
    }

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char c = charAt(current, cc, ck);
        if (NO_BREAK_AFTER.indexOf(c) >= 0) {
            return false;
        }
        if (current + 1 < end && NO_BREAK_BEFORE.indexOf(charAt(current + 1, cc, ck)) >= 0) {
            return false;
        }
        return DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, cc, ck);
    }

    private static char charAt(int i, char[] cc, PdfChunk[] ck) {
        if (ck == null) {
            return cc[i];
        }
        return (char) ck[Math.min(i, ck.length - 1)].getUnicodeEquivalent(cc[i]);
    }
}
