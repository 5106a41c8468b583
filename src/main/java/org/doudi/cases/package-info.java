/**
 * A case and its lifecycle: intake, the case aggregate, its timeline and decisions, the approved benefit,
 * and the SPIs that features implement ({@link org.doudi.cases.CaseProcess},
 * {@link org.doudi.cases.TaskFormContributor}, {@link org.doudi.cases.TaskAnswers},
 * {@link org.doudi.cases.IntakeRule}, {@link org.doudi.cases.CaseDetailsContributor}). Named interface
 * {@code process}: the contract of {@code AssistanceApplication.bpmn}, the base of task outcome listeners and
 * the starter of case processes. {@code web/}: the applications and cases API. Depends on no feature:
 * features depend on cases.
 */
@ApplicationModule(displayName = "Cases (救助案件)", allowedDependencies = { "household", "region", "security" })
package org.doudi.cases;

import org.springframework.modulith.ApplicationModule;
