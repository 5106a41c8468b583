package org.doudi.web;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.doudi.TimeConfig;
import org.doudi.shared.ExportColumn;
import org.doudi.shared.ExportSheet;
import org.doudi.shared.Exports;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;

/**
 * Every list answer of the API as an XLSX workbook when the client asks for one ({@code format=xlsx}, or
 * {@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}): the same rows as the JSON, one per
 * line under Chinese headings ({@link ExportColumn} on the rows' fields), resident IDs as the answer has them (masked),
 * and on a second sheet 汇总 the answer's own figures (its total, its totals by township and step …). Written with
 * Apache POI's streaming workbook ({@value #WINDOW} rows in memory, the rest in a temporary file). A list answer is a
 * record marked {@link ExportSheet} with its rows in {@code items}, or a list of rows whose type is marked so.
 */
class XlsxMessageConverter extends AbstractGenericHttpMessageConverter<Object> {

    static final MediaType XLSX = MediaType.parseMediaType(Exports.XLSX);
    static final int WINDOW = 200;
    static final String SUMMARY = "汇总";

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(TimeConfig.LEGAL_ZONE);

    private final Clock clock;

    XlsxMessageConverter(Clock clock) {
        super(XLSX);
        this.clock = clock;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return clazz.isAnnotationPresent(ExportSheet.class) || Collection.class.isAssignableFrom(clazz);
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return false;
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
        // Only for the workbook's type: "*/*" and JSON stay Jackson's, which comes first among the converters (a null
        // type is the question which types the answer can have at all).
        return supports(clazz) && rowsExportable(type) && (mediaType == null || XLSX.equalsTypeAndSubtype(mediaType));
    }

    /**
     * A list whose declared row type is known must have rows marked {@link ExportSheet} (a list of notices or
     * notifications is no export); one declared without it (a {@code ResponseEntity<?>}) is judged by its rows.
     */
    private static boolean rowsExportable(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw) && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> row) {
            return row.isAnnotationPresent(ExportSheet.class);
        }
        return true;
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage inputMessage) {
        throw new HttpMessageNotReadableException("XLSX is not read here", inputMessage);
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage inputMessage) {
        throw new HttpMessageNotReadableException("XLSX is not read here", inputMessage);
    }

    @Override
    protected void writeInternal(Object answer, Type type, HttpOutputMessage out) throws IOException {
        Answer a = Answer.of(answer, type);
        String file = a.title() + "-" + LocalDate.now(clock.withZone(TimeConfig.LEGAL_ZONE)) + ".xlsx";
        out.getHeaders().set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"export.xlsx\"; filename*=UTF-8''"
                + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"));
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        book.setCompressTempFiles(false);
        try {
            Styles styles = new Styles(book);
            SXSSFSheet sheet = book.createSheet(sheetName(a.title()));
            int n = table(sheet, 0, a.rowType(), a.rows(), styles);
            if (a.rowType() != null) {
                for (int i = 0; i < columns(a.rowType()).size(); i++) {
                    sheet.setColumnWidth(i, 18 * 256);
                }
            }
            if (n == 1 && a.rowType() == null) {
                sheet.createRow(0).createCell(0).setCellValue("无数据");
            }
            if (a.page() != null) {
                summary(book.createSheet(SUMMARY), a.page(), styles);
            }
            book.write(out.getBody());
        } catch (ReflectiveOperationException e) {
            throw new HttpMessageNotWritableException("cannot export " + answer.getClass().getName(), e);
        } finally {
            book.dispose();
            book.close();
        }
    }

    /** The answer's rows, their type, its title, and the page record holding them (for its totals), if any. */
    record Answer(String title, Class<?> rowType, Collection<?> rows, Object page) {

        static Answer of(Object answer, Type type) {
            if (answer instanceof Collection<?> list) {
                Class<?> rowType = elementType(type, list);
                return new Answer(title(rowType), rowType, list, null);
            }
            ExportSheet sheet = answer.getClass().getAnnotation(ExportSheet.class);
            for (RecordComponent c : answer.getClass().getRecordComponents()) {
                if (c.getName().equals(sheet.rows())) {
                    Collection<?> rows = (Collection<?>) value(c, answer);
                    return new Answer(sheet.value(), elementType(c.getGenericType(), rows), rows, answer);
                }
            }
            throw new HttpMessageNotWritableException(answer.getClass().getName() + " has no items to export");
        }

        private static String title(Class<?> rowType) {
            ExportSheet s = rowType == null ? null : rowType.getAnnotation(ExportSheet.class);
            return s == null ? "导出" : s.value();
        }

        private static Class<?> elementType(Type type, Collection<?> rows) {
            if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                    && p.getActualTypeArguments()[0] instanceof Class<?> c) {
                return c;
            }
            return rows == null || rows.isEmpty() ? null : rows.iterator().next().getClass();
        }
    }

    /** Writes a heading row and the rows from line {@code first}; answers the next free line. */
    private static int table(Sheet sheet, int first, Class<?> rowType, Collection<?> rows, Styles styles)
            throws ReflectiveOperationException {
        if (rowType == null || !rowType.isRecord()) {
            return first + 1;
        }
        List<Column> columns = columns(rowType);
        Row head = sheet.createRow(first);
        for (int i = 0; i < columns.size(); i++) {
            Cell c = head.createCell(i);
            c.setCellValue(columns.get(i).heading());
            c.setCellStyle(styles.heading);
        }
        int n = first + 1;
        for (Object row : rows == null ? List.of() : rows) {
            Row r = sheet.createRow(n++);
            for (int i = 0; i < columns.size(); i++) {
                cell(r.createCell(i), columns.get(i).accessor().invoke(row), styles);
            }
        }
        return n;
    }

    /** The answer's own figures: its scalars, and its lists of totals, each under its heading. */
    private static void summary(Sheet sheet, Object page, Styles styles) throws ReflectiveOperationException {
        int n = 0;
        for (RecordComponent c : page.getClass().getRecordComponents()) {
            ExportColumn heading = c.getAnnotation(ExportColumn.class);
            if (heading == null || c.getName().equals(page.getClass().getAnnotation(ExportSheet.class).rows())) {
                continue;
            }
            Object v = value(c, page);
            if (v instanceof Collection<?> list) {
                if (n > 0) {
                    n++; // a blank line before each table
                }
                Row title = sheet.createRow(n++);
                title.createCell(0).setCellValue(heading.value());
                title.getCell(0).setCellStyle(styles.heading);
                n = table(sheet, n, Answer.elementType(c.getGenericType(), list), list, styles);
            } else if (v != null && v.getClass().isRecord()) {
                for (Column sub : columns(v.getClass())) {
                    Row r = sheet.createRow(n++);
                    r.createCell(0).setCellValue(heading.value() + "：" + sub.heading());
                    cell(r.createCell(1), sub.accessor().invoke(v), styles);
                }
            } else {
                Row r = sheet.createRow(n++);
                r.createCell(0).setCellValue(heading.value());
                cell(r.createCell(1), v, styles);
            }
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 18 * 256);
    }

    private record Column(String heading, Method accessor) {
    }

    /** The row type's exported fields, in order: those with a heading. */
    static List<Column> columns(Class<?> rowType) {
        List<Column> columns = new ArrayList<>();
        for (RecordComponent c : rowType.getRecordComponents()) {
            ExportColumn heading = c.getAnnotation(ExportColumn.class);
            if (heading != null) {
                Method accessor = c.getAccessor();
                accessor.setAccessible(true); // the API's view records are often package-private
                columns.add(new Column(heading.value(), accessor));
            }
        }
        return columns;
    }

    /** The headings of a row type, in order (tests compare them with what the workbook says). */
    static List<String> headings(Class<?> rowType) {
        return columns(rowType).stream().map(Column::heading).toList();
    }

    private static Object value(RecordComponent c, Object record) {
        try {
            Method accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new HttpMessageNotWritableException("cannot read " + c.getName(), e);
        }
    }

    private static void cell(Cell cell, Object v, Styles styles) {
        if (v == null) {
            cell.setBlank();
        } else if (v instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
            cell.setCellStyle(d.scale() > 0 ? styles.money : styles.whole);
        } else if (v instanceof Number x) {
            cell.setCellValue(x.doubleValue());
        } else if (v instanceof Boolean b) {
            cell.setCellValue(b ? "是" : "否");
        } else if (v instanceof Instant i) {
            cell.setCellValue(AT.format(i));
        } else if (v instanceof Enum<?> e) {
            cell.setCellValue(label(e));
        } else if (v instanceof Collection<?> list) {
            cell.setCellValue(list.stream().map(String::valueOf).collect(Collectors.joining("；")));
        } else if (v instanceof Map<?, ?> map) {
            cell.setCellValue(map.entrySet().stream().map(e -> e.getKey() + "：" + e.getValue())
                    .collect(Collectors.joining("；")));
        } else {
            cell.setCellValue(String.valueOf(v));
        }
    }

    /** An enum's Chinese label where it has one ({@code label()}), else its name. */
    private static String label(Enum<?> e) {
        try {
            Method m = e.getClass().getMethod("label");
            return String.valueOf(m.invoke(e));
        } catch (ReflectiveOperationException | RuntimeException ex) {
            return e.name();
        }
    }

    /** Excel's sheet names: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String title) {
        String s = title.replaceAll("[\\[\\]:*?/\\\\]", "_");
        return s.length() <= 31 ? s : s.substring(0, 31);
    }

    private static final class Styles {
        final CellStyle heading;
        final CellStyle money;
        final CellStyle whole;

        Styles(SXSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            heading = book.createCellStyle();
            heading.setFont(bold);
            money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("0.00"));
            whole = book.createCellStyle();
            whole.setDataFormat(book.createDataFormat().getFormat("0"));
        }
    }
}
