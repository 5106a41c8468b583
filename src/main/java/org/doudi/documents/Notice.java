package org.doudi.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of a written notice, independent of how it is printed: a title, blocks of text, fields and
 * tables, and who issues it on which day. Each {@link NoticeTemplate} writes one; {@link NoticePdf} lays
 * every one out the same way.
 */
record Notice(String title, String caseNumber, List<Block> blocks, String issuer, LocalDate issuedOn) {

    public Notice {
        blocks = List.copyOf(blocks);
    }

    /** A part of the notice's body. */
    public sealed interface Block permits Heading, Paragraph, Fields, Numbered, Table {
    }

    /** A short heading within the body. */
    public record Heading(String text) implements Block {
    }

    /** Running text; line breaks are kept. */
    public record Paragraph(String text) implements Block {
    }

    /** Label–value pairs, printed as a two-column (or four-column) form. */
    public record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    public record Field(String label, String value) {
    }

    /** A numbered list (1. 2. 3.). */
    public record Numbered(List<String> items) implements Block {
        public Numbered {
            items = List.copyOf(items);
        }
    }

    /** A table with a header row. */
    public record Table(List<String> headers, List<List<String>> rows) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** Collects the blocks of a notice in order. */
    public static final class Builder {

        private final String title;
        private final String caseNumber;
        private final List<Block> blocks = new ArrayList<>();
        private final List<Field> pending = new ArrayList<>();

        public Builder(String title, String caseNumber) {
            this.title = title;
            this.caseNumber = caseNumber;
        }

        public Builder heading(String text) {
            flush();
            blocks.add(new Heading(text));
            return this;
        }

        public Builder paragraph(String text) {
            flush();
            blocks.add(new Paragraph(text));
            return this;
        }

        /** A field of the current form; consecutive fields make one form. A missing value prints as "—". */
        public Builder field(String label, String value) {
            pending.add(new Field(label, value == null || value.isBlank() ? "—" : value));
            return this;
        }

        public Builder numbered(List<String> items) {
            flush();
            blocks.add(new Numbered(items));
            return this;
        }

        public Builder table(List<String> headers, List<List<String>> rows) {
            flush();
            blocks.add(new Table(headers, rows));
            return this;
        }

        public Notice issuedBy(String issuer, LocalDate on) {
            flush();
            return new Notice(title, caseNumber, blocks, issuer, on);
        }

        private void flush() {
            if (!pending.isEmpty()) {
                blocks.add(new Fields(pending));
                pending.clear();
            }
        }
    }
}
