package org.doudi.documents;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.doudi.region.StaffScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The written notices of a case (受理通知书, 一次性告知书, 公示名单, 审核确认决定书, 不予确认告知书, 临时救助审批表),
 * generated on request from what the case's records hold, never from process variables.
 */
@Service
public class Documents {

    private static final Logger log = LoggerFactory.getLogger(Documents.class);

    /** A generated notice. */
    public record Document(DocumentKind kind, String caseNumber, String title, byte[] pdf) {

        /** {@code DB-2026-130102100-000042-acceptance-notice.pdf} */
        public String fileName() {
            return caseNumber + "-" + kind.slug() + ".pdf";
        }
    }

    private final CaseFiles files;
    private final Map<DocumentKind, NoticeTemplate> templates = new EnumMap<>(DocumentKind.class);
    private final NoticePdf pdf;
    private final Clock clock;

    Documents(CaseFiles files, List<NoticeTemplate> templates, NoticePdf pdf, Clock clock) {
        this.files = files;
        templates.forEach(t -> this.templates.put(t.kind(), t));
        for (DocumentKind kind : DocumentKind.values()) {
            if (!this.templates.containsKey(kind)) {
                throw new IllegalStateException("no template for document kind " + kind.slug());
            }
        }
        this.pdf = pdf;
        this.clock = clock;
    }

    /**
     * The notice of a case the reader may see; "not found" for a case outside his scope (as for the case
     * itself) and for a notice the case has no reason to have yet ({@link DocumentNotAvailableException}).
     */
    public Document generate(String caseNumber, DocumentKind kind, StaffScope scope) {
        CaseFile file = files.read(caseNumber, scope);
        NoticeTemplate template = templates.get(kind);
        template.whyNotAvailable(file).ifPresent(reason -> {
            throw new DocumentNotAvailableException(caseNumber, kind, reason);
        });
        Notice notice = template.write(file);
        byte[] bytes = pdf.render(notice, clock.instant());
        log.info("case {}: {} generated ({} bytes)", caseNumber, kind.slug(), bytes.length);
        return new Document(kind, caseNumber, notice.title(), bytes);
    }

    /** A notice of a case as the case file lists it: available now, or why not (yet). */
    public record Listed(String kind, String label, boolean available, String reason) {
    }

    /** Every kind of notice, each with whether the case has it now (the case read once). */
    public List<Listed> list(String caseNumber, StaffScope scope) {
        CaseFile file = files.read(caseNumber, scope);
        return Arrays.stream(DocumentKind.values()).map(k -> {
            Optional<String> why = templates.get(k).whyNotAvailable(file);
            return new Listed(k.slug(), k.label(), why.isEmpty(), why.orElse(null));
        }).toList();
    }
}
