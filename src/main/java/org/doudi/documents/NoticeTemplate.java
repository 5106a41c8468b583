package org.doudi.documents;

import java.util.Optional;

/** Writes one kind of notice from a case file. One small class per kind. */
interface NoticeTemplate {

    DocumentKind kind();

    /**
     * Why the case has no such notice (yet), in Chinese, or empty when it has one: a notice exists only
     * once the records it reports exist.
     */
    Optional<String> whyNotAvailable(CaseFile file);

    /** The notice; called only when {@link #whyNotAvailable} is empty. */
    Notice write(CaseFile file);
}
