package org.doudi.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.doudi.TimeConfig;
import org.springframework.stereotype.Component;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Lays out every {@link Notice} the same way on A4: title, case number, body, issuer and date with room
 * for the seal, and on every page a footer to verify it by (case number, when it was generated). The
 * text is set in WenQuanYi Micro Hei, shipped in {@code fonts/} (Apache-2.0, see its licence file next to
 * it) and embedded as a subset, so the PDF shows Chinese on any reader and nothing is fetched at run time.
 */
@Component
class NoticePdf {

    /** The collection's first face (微米黑); a TrueType collection needs the face index. */
    static final String FONT = "fonts/wqy-microhei.ttc";

    /** A value up to this wide (a digit 1, a Chinese character 2) shares its row with another field. */
    private static final int SHORT_VALUE = 26;

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BaseFont baseFont;

    NoticePdf() {
        this.baseFont = loadFont();
    }

    private static BaseFont loadFont() {
        try (InputStream in = NoticePdf.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("the notice font " + FONT + " is missing from the classpath");
            }
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes,
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("the notice font cannot be read", e);
        }
    }

    /** The notice as PDF, its footer stamped with the moment it is generated. */
    byte[] render(Notice notice, Instant generatedAt) {
        Font title = new Font(baseFont, 18, Font.BOLD);
        Font body = new Font(baseFont, 11);
        Font small = new Font(baseFont, 9);
        Font label = new Font(baseFont, 10, Font.BOLD);
        Font cell = new Font(baseFont, 10);
        String generated = GENERATED.format(generatedAt.atZone(TimeConfig.LEGAL_ZONE)) + "（北京时间）";

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 60, 60, 56, 72);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new Footer(notice, generated, small));
            doc.addTitle(notice.title());
            doc.addSubject(notice.title() + " " + notice.caseNumber());
            doc.addCreator("Doudi");
            doc.addAuthor(notice.issuer());
            doc.open();

            Paragraph t = paragraph(notice.title(), title, 26);
            t.setAlignment(Element.ALIGN_CENTER);
            t.setSpacingAfter(6);
            doc.add(t);
            Paragraph number = paragraph("案件编号：" + notice.caseNumber(), small, 14);
            number.setAlignment(Element.ALIGN_RIGHT);
            number.setSpacingAfter(10);
            doc.add(number);

            List<Notice.Block> blocks = notice.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                Notice.Block block = blocks.get(i);
                Notice.Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
                if (block instanceof Notice.Heading h && (next instanceof Notice.Fields || next instanceof Notice.Table)) {
                    // A heading stays on the page of its form: it becomes the form's first row.
                    doc.add(table(next, h.text(), label, cell));
                    i++;
                } else {
                    for (Element e : elements(block, body, label, cell)) {
                        doc.add(e);
                    }
                }
            }

            Paragraph issuer = paragraph(notice.issuer() + "（盖章）", body, 20);
            issuer.setAlignment(Element.ALIGN_RIGHT);
            issuer.setSpacingBefore(18);
            doc.add(issuer);
            Paragraph day = paragraph(Wording.date(notice.issuedOn()), body, 20);
            day.setAlignment(Element.ALIGN_RIGHT);
            doc.add(day);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("notice " + notice.title() + " of case " + notice.caseNumber()
                    + " could not be laid out", e);
        }
        return out.toByteArray();
    }

    /** One block of the body as PDF elements (Java 17: no pattern switch). */
    private static List<Element> elements(Notice.Block block, Font body, Font label, Font cell) {
        if (block instanceof Notice.Heading h) {
            Paragraph p = paragraph(h.text(), label, 18);
            p.setSpacingBefore(8);
            p.setSpacingAfter(4);
            return List.of(p);
        }
        if (block instanceof Notice.Paragraph p) {
            Paragraph para = paragraph(p.text(), body, 20);
            para.setFirstLineIndent(22);
            para.setSpacingAfter(6);
            return List.of(para);
        }
        if (block instanceof Notice.Numbered n) {
            List<Element> items = new ArrayList<>();
            int number = 1;
            for (String item : n.items()) {
                Paragraph p = paragraph((number++) + ". " + item, body, 20);
                p.setIndentationLeft(22);
                items.add(p);
            }
            ((Paragraph) items.get(items.size() - 1)).setSpacingAfter(8);
            return items;
        }
        return List.of(table(block, null, label, cell));
    }

    /** A form (label, value) or a table, with an optional heading as its first row. */
    private static PdfPTable table(Notice.Block block, String heading, Font label, Font cell) {
        PdfPTable table;
        if (block instanceof Notice.Fields f) {
            // Two fields a row; a long value (a reason, an opinion) takes a row of its own.
            table = new PdfPTable(new float[] {1.25f, 2.35f, 1.25f, 2.35f});
            headingRow(table, heading, label, 4);
            boolean halfRow = false;
            for (Notice.Field field : f.fields()) {
                boolean wide = displayWidth(field.value()) > SHORT_VALUE;
                if (wide && halfRow) {
                    table.addCell(empty(2));
                    halfRow = false;
                }
                table.addCell(cell(field.label(), label, true));
                PdfPCell value = cell(field.value(), cell, false);
                if (wide) {
                    value.setColspan(3);
                } else {
                    halfRow = !halfRow;
                }
                table.addCell(value);
            }
            if (halfRow) {
                table.addCell(empty(2));
            }
        } else {
            Notice.Table tb = (Notice.Table) block;
            table = new PdfPTable(widths(tb));
            headingRow(table, heading, label, tb.headers().size());
            tb.headers().forEach(h -> table.addCell(cell(h, label, true)));
            table.setHeaderRows(heading == null ? 1 : 2);
            tb.rows().forEach(row -> row.forEach(v -> table.addCell(cell(v, cell, false))));
        }
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        table.setKeepTogether(true);
        return table;
    }

    private static void headingRow(PdfPTable table, String heading, Font label, int columns) {
        if (heading == null) {
            return;
        }
        PdfPCell c = new PdfPCell(new Phrase(chunk(heading, label)));
        c.setColspan(columns);
        c.setBorder(PdfPCell.NO_BORDER);
        c.setPaddingLeft(0);
        c.setPaddingBottom(6);
        table.addCell(c);
    }

    /** Column widths after the widest text of each column: a Chinese character counts twice a digit. */
    static float[] widths(Notice.Table table) {
        float[] widths = new float[table.headers().size()];
        for (int col = 0; col < widths.length; col++) {
            int widest = displayWidth(table.headers().get(col)) / 2;
            for (List<String> row : table.rows()) {
                widest = Math.max(widest, displayWidth(row.get(col)));
            }
            widths[col] = Math.max(4, Math.min(widest, 24));
        }
        return widths;
    }

    private static int displayWidth(String text) {
        return text == null ? 1 : text.codePoints().map(cp -> cp < 0x2E80 ? 1 : 2).sum();
    }

    private static Chunk chunk(String text, Font font) {
        Chunk c = new Chunk(text == null ? "—" : text, font);
        c.setSplitCharacter(CjkLineBreaks.INSTANCE);
        return c;
    }

    private static Paragraph paragraph(String text, Font font, float leading) {
        return new Paragraph(leading, chunk(text, font));
    }

    private static PdfPCell empty(int columns) {
        PdfPCell c = new PdfPCell(new Phrase(""));
        c.setColspan(columns);
        c.setBorderWidth(0.5f);
        return c;
    }

    private static PdfPCell cell(String text, Font font, boolean shaded) {
        PdfPCell c = new PdfPCell(new Phrase(chunk(text, font)));
        c.setPadding(3.5f);
        c.setPaddingBottom(5);
        c.setBorderWidth(0.5f);
        if (shaded) {
            c.setGrayFill(0.93f);
        }
        return c;
    }

    /** On every page: the case number, the moment of generation and the page, to verify the copy by. */
    private static final class Footer extends PdfPageEventHelper {

        private final Notice notice;
        private final String generated;
        private final Font font;

        Footer(Notice notice, String generated, Font font) {
            this.notice = notice;
            this.generated = generated;
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            float x = (document.left() + document.right()) / 2;
            cb.setLineWidth(0.5f);
            cb.moveTo(document.left(), document.bottom() - 14);
            cb.lineTo(document.right(), document.bottom() - 14);
            cb.stroke();
            ColumnText.showTextAligned(cb, Element.ALIGN_CENTER, new Phrase(new Chunk(
                    "核验信息：案件编号 " + notice.caseNumber() + "　生成时间 " + generated + "　第 "
                            + writer.getPageNumber() + " 页", font)), x, document.bottom() - 28, 0);
            ColumnText.showTextAligned(cb, Element.ALIGN_CENTER, new Phrase(new Chunk(
                    "本文书由社会救助经办系统（Doudi）依据案件记录生成，可凭案件编号向出具机关核验。", font)),
                    x, document.bottom() - 42, 0);
        }
    }
}
