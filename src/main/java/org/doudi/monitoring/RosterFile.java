package org.doudi.monitoring;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.doudi.shared.InvalidInputException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a roster file row by row, never the whole file in memory: CSV (UTF-8, with or without a byte-order mark) by
 * Commons CSV, XLSX (its first sheet) by POI's SAX event API. The first row is the header. Rows are numbered as a
 * spreadsheet numbers them (the header is line 1).
 */
final class RosterFile {

    /** One row's cells, in the header's order (missing cells empty). */
    interface Rows {
        void header(List<String> names);

        void row(int line, List<String> cells);
    }

    private RosterFile() {
    }

    /** A CSV stream. */
    static void readCsv(InputStream in, Rows rows) throws IOException {
        Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(new BufferedInputStream(in))
                .get(), StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            boolean first = true;
            for (CSVRecord r : parser) {
                List<String> cells = new ArrayList<>(r.size());
                r.forEach(cells::add);
                if (first) {
                    rows.header(cells);
                    first = false;
                } else {
                    // The record's line in the file (a quoted cell may span lines): where the row starts.
                    rows.row((int) r.getRecordNumber(), cells);
                }
            }
            if (first) {
                throw InvalidInputException.of("file", "文件是空的，第一行须为表头 (the file is empty)");
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw InvalidInputException.of("file", "不是有效的 CSV 文件：" + e.getMessage() + " (not a valid CSV file)");
        }
    }

    /** The first sheet of an XLSX file. */
    static void readXlsx(Path file, Rows rows) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader xssf = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = xssf.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) xssf.getSheetsData();
            if (!sheets.hasNext()) {
                throw InvalidInputException.of("file", "XLSX 文件没有工作表 (no sheet)");
            }
            try (InputStream sheet = sheets.next()) {
                Collector collector = new Collector(rows);
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, collector, new DataFormatter(),
                        false));
                parser.parse(new InputSource(sheet));
                if (!collector.sawHeader) {
                    throw InvalidInputException.of("file", "工作表是空的，第一行须为表头 (the sheet is empty)");
                }
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException
                | org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw InvalidInputException.of("file", "不是有效的 XLSX 文件 (not a valid XLSX file)");
        }
    }

    /** Collects a row's cells by column, then hands the row on. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Rows rows;
        private final List<String> cells = new ArrayList<>();
        private boolean sawHeader;
        private int line;

        Collector(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            line = rowNum + 1;
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            List<String> row = cells.stream().map(c -> c == null ? "" : c.strip()).toList();
            if (!sawHeader) {
                sawHeader = true;
                rows.header(row);
            } else {
                rows.row(line, row);
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, formattedValue);
        }
    }
}
