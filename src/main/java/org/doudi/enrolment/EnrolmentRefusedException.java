package org.doudi.enrolment;

/**
 * The database refused an enrolment: the case was enrolled meanwhile by another delivery of its event, or a
 * person it covers is covered by another not-ended enrolment of the programme. Nothing was stored; the event
 * stays incomplete in the publication registry and is delivered again (the first case then finds its
 * enrolment; the second waits until the other enrolment ends or the conflict is resolved).
 */
public class EnrolmentRefusedException extends RuntimeException {

    public EnrolmentRefusedException(String caseNumber) {
        super("案件 " + caseNumber + " 未能纳入保障对象：该案件已有保障对象，或其保障的人员已是本项目其他保障对象 (case "
                + caseNumber + " not enrolled: refused by uq_enrolment_source_case or the coverage key; delivered again"
                + " later)");
    }
}
