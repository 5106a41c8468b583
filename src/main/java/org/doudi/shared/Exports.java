package org.doudi.shared;

import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * List answers as XLSX (the contract's "Exports"): whether the current request asks for the workbook, and how many rows
 * a list may then hold. A workbook without {@code size} holds every row the filter matches, up to
 * {@value #MAX_ROWS} (its {@code total} says when there were more); with {@code page} and {@code size}, that page.
 */
public final class Exports {

    /** The workbook's media type. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows of one workbook at most. */
    public static final int MAX_ROWS = 50_000;

    private Exports() {
    }

    /** Whether the current request asks for XLSX: {@code format=xlsx}, or an {@code Accept} naming the workbook. */
    public static boolean requested() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return false;
        }
        String format = servlet.getRequest().getParameter("format");
        if (format != null && !format.isBlank()) {
            return "xlsx".equals(format.strip().toLowerCase(Locale.ROOT));
        }
        String accept = servlet.getRequest().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(XLSX);
    }

    /** The largest page size a list allows: {@code max} for JSON, {@value #MAX_ROWS} for a workbook. */
    public static int maxPageSize(int max) {
        return requested() ? Math.max(max, MAX_ROWS) : max;
    }

    /** The page size when none is given: {@code fallback} for JSON, every row (up to the limit) for a workbook. */
    public static int defaultPageSize(int fallback) {
        return requested() ? MAX_ROWS : fallback;
    }
}
