package org.doudi.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list answer (a page record with its {@code items}, or a row type answered as a list) that can also be had as an
 * XLSX workbook: its title names the file and the sheet. Its fields and its rows' fields say their headings with
 * {@link ExportColumn}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExportSheet {

    /** The sheet's and the file's name, in Chinese (e.g. 监测预警). */
    String value();

    /** The component of the answer record that holds its rows. */
    String rows() default "items";
}
