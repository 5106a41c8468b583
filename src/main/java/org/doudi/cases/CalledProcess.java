package org.doudi.cases;

/**
 * A process that only runs called by a bound case process ({@code IncomeVerification}): its instances
 * act only when their root instance is the one bound to the case, and never start on their own.
 */
public interface CalledProcess {

    /** The process definition key. */
    String processKey();
}
