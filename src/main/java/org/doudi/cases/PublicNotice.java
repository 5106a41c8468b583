package org.doudi.cases;

import java.time.Instant;
import java.time.LocalDate;

import org.doudi.TimeConfig;

/**
 * The public notice (公示) in the village: 7 calendar days. The day it is posted does not count, so a
 * notice posted on the 1st runs through the 8th and ends at midnight (China Standard Time).
 */
public final class PublicNotice {

    /** Length of the notice in calendar days (最低生活保障审核确认办法, 2021). */
    public static final int DAYS = 7;

    private PublicNotice() {
    }

    public static Instant endOfNoticePostedOn(LocalDate posted) {
        return posted.plusDays(DAYS + 1L).atStartOfDay(TimeConfig.LEGAL_ZONE).toInstant();
    }
}
