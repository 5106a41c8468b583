package org.doudi.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Chinese column heading of a list answer's field when the answer is asked for as XLSX ({@code format=xlsx}, or
 * {@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}). On a record component of the
 * answer's rows, or of the answer itself (its totals). A component without it is left out of the workbook, so that
 * internal ids and nested details do not become columns by accident.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD })
public @interface ExportColumn {

    /** The heading, in Chinese. */
    String value();
}
