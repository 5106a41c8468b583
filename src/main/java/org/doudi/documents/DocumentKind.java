package org.doudi.documents;

import java.util.Arrays;
import java.util.Optional;

/**
 * The written notices a case can be printed as ({@code GET /api/cases/{caseNumber}/documents/{kind}}). The
 * slugs are binding names of the contract ("Documents").
 */
public enum DocumentKind {

    /** 受理通知书: the application is accepted. */
    ACCEPTANCE_NOTICE(DocumentKind.ACCEPTANCE_NOTICE_NAME, "受理通知书"),
    /** 一次性告知书: everything missing from the application, told at once. */
    MISSING_MATERIALS_NOTICE(DocumentKind.MISSING_MATERIALS_NOTICE_NAME, "一次性告知书"),
    /** 公示名单: the township's favourable opinion posted in the village, names and IDs masked. */
    PUBLIC_NOTICE(DocumentKind.PUBLIC_NOTICE_NAME, "公示名单"),
    /** 审核确认决定书: the approval, with amount and first month. */
    DECISION(DocumentKind.DECISION_NAME, "审核确认决定书"),
    /** 不予确认 / 不予批准告知书: the refusal, its reasons and the applicant's remedies. */
    REJECTION_NOTICE(DocumentKind.REJECTION_NOTICE_NAME, "不予确认（不予批准）告知书"),
    /** 临时救助审批表: a temporary-assistance case's application, opinions, approval and payment. */
    TEMPORARY_APPROVAL(DocumentKind.TEMPORARY_APPROVAL_NAME, "临时救助审批表"),
    /** 复核决定通知书: a review's decision on the enrolment, its reasons, from when, and the remedies. */
    REVIEW_DECISION(DocumentKind.REVIEW_DECISION_NAME, "复核决定通知书");

    public static final String ACCEPTANCE_NOTICE_NAME = "acceptance-notice";
    public static final String MISSING_MATERIALS_NOTICE_NAME = "missing-materials-notice";
    public static final String PUBLIC_NOTICE_NAME = "public-notice";
    public static final String DECISION_NAME = "decision";
    public static final String REJECTION_NOTICE_NAME = "rejection-notice";
    public static final String TEMPORARY_APPROVAL_NAME = "temporary-approval";
    public static final String REVIEW_DECISION_NAME = "review-decision";

    private final String slug;
    private final String label;

    DocumentKind(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    /** The name in the URL, e.g. {@code acceptance-notice}. */
    public String slug() {
        return slug;
    }

    /** What staff call it. */
    public String label() {
        return label;
    }

    public static Optional<DocumentKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }

    /** The slugs, for an error message. */
    public static String slugs() {
        return String.join("、", Arrays.stream(values()).map(DocumentKind::slug).toList());
    }
}
