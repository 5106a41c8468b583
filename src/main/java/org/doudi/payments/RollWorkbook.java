package org.doudi.payments;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.doudi.payments.PaymentRollStore.Line;
import org.doudi.payments.PaymentRollStore.TownshipTotal;

/**
 * A payment roll as an XLSX workbook for the bank and the archive: streamed (Apache POI SXSSF keeps a window of
 * {@value #WINDOW} rows in memory and writes the others to a temporary file), the lines in township and
 * enrolment order with a subtotal row after each township and the county's total at the end. Amounts are numeric
 * cells with two decimals; the subtotals and the total are the values the database summed from the lines when the
 * roll was generated, written as numbers (not formulas), so the file says what was confirmed.
 */
final class RollWorkbook {

    /** Rows kept in memory while writing. */
    static final int WINDOW = 100;

    /** The column headers, in order. */
    static final String[] HEADERS = {"乡镇", "保障编号", "姓名", "身份证号(脱敏)", "家庭人口", "保障人数", "金额(元)", "类别", "银行账户"};

    /** The label of a township's subtotal row in the first column ends with this. */
    static final String SUBTOTAL = "小计";
    /** The label of the county's total row. */
    static final String TOTAL = "合计";

    private static final int[] WIDTHS = {18, 28, 12, 22, 10, 10, 14, 14, 24};

    private RollWorkbook() {
    }

    /**
     * Writes the workbook. {@code lines} hands each line, in township and enrolment order, to the consumer it is
     * given (a database cursor: nothing is collected).
     */
    static void write(PaymentRolls.Export export, Consumer<Consumer<Line>> lines, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        // Rows beyond the window go to a temporary file: ~250 bytes a line on disk (50 MB for 200 000 lines) rather
        // than gzip on the way in and out, which took 1.2–3.6 s more of CPU for 184 000 lines (bench/README.md).
        wb.setCompressTempFiles(false);
        try {
            new Writer(wb, export).write(lines);
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    private static final class Writer {
        private final PaymentRolls.Export export;
        private final Sheet sheet;
        private final CellStyle money;
        private final CellStyle boldMoney;
        private final CellStyle bold;
        private final Map<String, TownshipTotal> totals;
        private int next;
        private String township;

        Writer(SXSSFWorkbook wb, PaymentRolls.Export export) {
            this.export = export;
            this.sheet = wb.createSheet(export.roll().sequence() == 0 ? "发放名册" : "补发名册");
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            short format = wb.createDataFormat().getFormat("#,##0.00");
            this.money = wb.createCellStyle();
            this.money.setDataFormat(format);
            this.boldMoney = wb.createCellStyle();
            this.boldMoney.setDataFormat(format);
            this.boldMoney.setFont(boldFont);
            this.bold = wb.createCellStyle();
            this.bold.setFont(boldFont);
            this.totals = export.townships().stream().collect(Collectors.toMap(TownshipTotal::townshipCode, t -> t));
            for (int i = 0; i < WIDTHS.length; i++) {
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
        }

        void write(Consumer<Consumer<Line>> lines) {
            var roll = export.roll();
            text(sheet.createRow(next++), 0, export.countyName() + "（" + roll.countyCode() + "）" + roll.month().getYear()
                    + " 年 " + roll.month().getMonthValue() + " 月 城乡低保、特困人员"
                    + (roll.sequence() == 0 ? "发放名册" : "补发名册（第 " + roll.sequence() + " 批）") + " · "
                    + roll.status().label() + " · 版本 " + roll.version(), bold);
            Row header = sheet.createRow(next++);
            for (int i = 0; i < HEADERS.length; i++) {
                text(header, i, HEADERS[i], bold);
            }
            sheet.createFreezePane(0, next);
            lines.accept(this::line);
            if (township != null) {
                subtotal(township);
            }
            Row total = sheet.createRow(next++);
            text(total, 0, TOTAL, bold);
            text(total, 1, export.households() + " 户", bold);
            number(total, 5, export.people(), bold);
            amount(total, 6, export.total(), boldMoney);
        }

        private void line(Line l) {
            if (township != null && !township.equals(l.townshipCode())) {
                subtotal(township);
            }
            township = l.townshipCode();
            Row row = sheet.createRow(next++);
            text(row, 0, townshipName(l.townshipCode()), null);
            text(row, 1, l.enrolmentNumber(), null);
            text(row, 2, l.name(), null);
            text(row, 3, l.idNumberMasked(), null);
            number(row, 4, l.householdSize(), null);
            number(row, 5, l.coveredPeople(), null);
            amount(row, 6, l.amount(), money);
            text(row, 7, LineKind.labelOf(l.kind()), null);
            text(row, 8, l.bankAccountRef() == null ? "" : l.bankAccountRef(), null);
        }

        private void subtotal(String code) {
            TownshipTotal t = totals.get(code);
            Row row = sheet.createRow(next++);
            text(row, 0, townshipName(code) + " " + SUBTOTAL, bold);
            text(row, 1, (t == null ? 0 : t.households()) + " 户", bold);
            number(row, 5, t == null ? 0 : t.people(), bold);
            amount(row, 6, t == null ? BigDecimal.ZERO : t.total(), boldMoney);
        }

        private String townshipName(String code) {
            String name = export.townshipNames().get(code);
            return name == null ? code : name;
        }

        private static void text(Row row, int column, String value, CellStyle style) {
            Cell c = row.createCell(column);
            c.setCellValue(value);
            if (style != null) {
                c.setCellStyle(style);
            }
        }

        private static void number(Row row, int column, int value, CellStyle style) {
            Cell c = row.createCell(column);
            c.setCellValue(value);
            if (style != null) {
                c.setCellStyle(style);
            }
        }

        /** Excel keeps a number as a double: two decimals up to 10¹³ 元 come back to the same fen. */
        private static void amount(Row row, int column, BigDecimal value, CellStyle style) {
            Cell c = row.createCell(column);
            c.setCellValue(value.doubleValue());
            c.setCellStyle(style);
        }
    }
}
