package org.doudi.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

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
public class NoticePdf {

    /** The collection's first face (微米黑); a TrueType collection needs the face index. */
    static final String FONT = "fonts/wqy-microhei.ttc";

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BaseFont baseFont;

    public NoticePdf() {
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
    public byte[] render(Notice notice, Instant generatedAt) {
        Font title = new Font(baseFont, 18, Font.BOLD);
        Font body = new Font(baseFont, 11);
        Font small = new Font(baseFont, 9);
        Font label = new Font(baseFont, 10.5f, Font.BOLD);
        Font cell = new Font(baseFont, 10.5f);
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

            Paragraph t = new Paragraph(notice.title(), title);
            t.setAlignment(Element.ALIGN_CENTER);
            t.setSpacingAfter(6);
            doc.add(t);
            Paragraph number = new Paragraph("案件编号：" + notice.caseNumber(), small);
            number.setAlignment(Element.ALIGN_RIGHT);
            number.setSpacingAfter(10);
            doc.add(number);

            for (Notice.Block block : notice.blocks()) {
                doc.add(element(block, body, label, cell));
            }

            Paragraph issuer = new Paragraph(notice.issuer() + "（盖章）", body);
            issuer.setAlignment(Element.ALIGN_RIGHT);
            issuer.setSpacingBefore(24);
            doc.add(issuer);
            Paragraph day = new Paragraph(Wording.date(notice.issuedOn()), body);
            day.setAlignment(Element.ALIGN_RIGHT);
            doc.add(day);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("notice " + notice.title() + " of case " + notice.caseNumber()
                    + " could not be laid out", e);
        }
        return out.toByteArray();
    }

    /** One block of the body as a PDF element (Java 17: no pattern switch). */
    private static Element element(Notice.Block block, Font body, Font label, Font cell) {
        if (block instanceof Notice.Heading h) {
            Paragraph p = new Paragraph(h.text(), label);
            p.setSpacingBefore(8);
            p.setSpacingAfter(4);
            return p;
        }
        if (block instanceof Notice.Paragraph p) {
            Paragraph para = new Paragraph(18, p.text(), body);
            para.setFirstLineIndent(22);
            para.setSpacingAfter(6);
            return para;
        }
        if (block instanceof Notice.Fields f) {
            PdfPTable table = new PdfPTable(new float[] {1.3f, 3.7f});
            table.setWidthPercentage(100);
            table.setSpacingBefore(4);
            table.setSpacingAfter(8);
            for (Notice.Field field : f.fields()) {
                table.addCell(cell(field.label(), label, true));
                table.addCell(cell(field.value(), cell, false));
            }
            return table;
        }
        if (block instanceof Notice.Numbered n) {
            Paragraph list = new Paragraph();
            list.setSpacingAfter(6);
            int i = 1;
            for (String item : n.items()) {
                Paragraph p = new Paragraph(18, (i++) + ". " + item, body);
                p.setIndentationLeft(22);
                list.add(p);
            }
            return list;
        }
        Notice.Table tb = (Notice.Table) block;
        PdfPTable table = new PdfPTable(tb.headers().size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        tb.headers().forEach(h -> table.addCell(cell(h, label, true)));
        tb.rows().forEach(row -> row.forEach(v -> table.addCell(cell(v, cell, false))));
        return table;
    }

    private static PdfPCell cell(String text, Font font, boolean shaded) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "—" : text, font));
        c.setPadding(5);
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
