package org.doudi.cases;

/**
 * A rule a feature adds to intake, checked before a case is registered (e.g. the yearly limit of
 * temporary grants). A refusal is an {@link IntakeRefusedException}; nothing is registered.
 */
public interface IntakeRule {

    void check(AssistanceCase draft);
}
