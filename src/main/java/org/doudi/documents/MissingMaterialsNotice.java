package org.doudi.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.doudi.cases.CaseStatus;
import org.doudi.cases.DecisionStage;
import org.springframework.stereotype.Component;

/**
 * 一次性告知书: everything missing from the application, as the township recorded it at
 * {@code Task_AcceptApplication} ({@code missingMaterials}), told at once.
 */
@Component
class MissingMaterialsNotice implements NoticeTemplate {

    /** One material per line, or separated by semicolons; a leading "1." / "1、" / "（1）" is dropped. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\n;；]+");
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:[(（]?\\d{1,2}[)）.．、]|[•·-])\\s*");

    @Override
    public DocumentKind kind() {
        return DocumentKind.MISSING_MATERIALS_NOTICE;
    }

    @Override
    public Optional<String> whyNotAvailable(CaseFile f) {
        if (refusal(f).isPresent()) {
            return Optional.empty();
        }
        if (f.lastDecision(d -> d.stage() == DecisionStage.ACCEPTANCE).isPresent()) {
            return Optional.of("案件 " + f.caseNumber() + " 的申请材料齐全、已受理，没有一次性告知书");
        }
        return Optional.of("案件 " + f.caseNumber() + " 尚未审查申请材料，没有一次性告知书");
    }

    /** The latest acceptance decision that did not accept: the materials it lists are what is missing. */
    private static Optional<CaseFile.Decision> refusal(CaseFile f) {
        return f.lastDecision(d -> d.stage() == DecisionStage.ACCEPTANCE && !"accepted".equals(d.outcome()));
    }

    static List<String> items(String missing) {
        if (missing == null || missing.isBlank()) {
            return List.of("（受理意见未列明，请向本机关询问）");
        }
        return Arrays.stream(SEPARATORS.split(missing))
                .map(s -> NUMBERING.matcher(s).replaceFirst("").strip())
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Override
    public Notice write(CaseFile f) {
        CaseFile.Decision d = refusal(f).orElseThrow();
        String authority = Wording.townshipAuthority(f);
        Notice.Builder b = new Notice.Builder(Wording.programme(f) + "申请材料一次性告知书", f.caseNumber());
        b.paragraph(f.applicantName() + "：");
        b.paragraph("你于" + Wording.date(f.submittedAt()) + "提出的" + Wording.programme(f) + "申请，经审查，申请材料不齐全。"
                + "现将需要补齐的全部材料一次性告知如下：");
        b.numbered(items(d.opinion()));
        boolean closed = f.status() == CaseStatus.NOT_ACCEPTED;
        b.paragraph(closed ? "因申请材料不齐全，本机关决定暂不予受理。你补齐上述材料后，可以重新提出申请。"
                : "请补齐上述材料后交本机关，材料齐全的，本机关将予以受理。");
        Wording.caseFields(b, f)
                .field("申请日期", Wording.date(f.submittedAt()))
                .field("告知日期", Wording.date(d.at()))
                .field("经办人", Staff.of(d.actorName(), d.actor()));
        if (closed) {
            b.paragraph(Wording.remedies(f, "告知书"));
        }
        return b.issuedBy(authority, Wording.day(d.at()));
    }
}
