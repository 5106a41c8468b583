package org.doudi.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.Demo.*;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseApproved;
import org.doudi.cases.CaseStatus;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The approval's event is never lost: when the enrolment listener fails, its publication stays incomplete in
 * {@code event_publication}, and a resubmission completes it. Twice delivered, it still makes one enrolment;
 * approved cases that have none (from before the module) get theirs at start-up.
 */
@IntegrationTest
class EnrolmentRetryTest {

    @Autowired
    CaseDriver driver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IncompleteEventPublications publications;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EnrolmentBackfill backfill;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    AssistanceCase approved(int householdSize) {
        AssistanceCase c = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, householdSize));
        String n = c.caseNumber();
        driver.investigate(n, homeVisit(300, 0));
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        driver.letNoticeRunOut(n);
        driver.decide(REVIEWER1, n, "approve", null);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.APPROVED);
        return c;
    }

    Long enrolmentIdOf(AssistanceCase c) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !enrolmentIds(c).isEmpty());
        return enrolmentIds(c).get(0);
    }

    List<Long> enrolmentIds(AssistanceCase c) {
        return jdbc.queryForList("select id from enrolment where case_id = ? and enrolment_number is not null",
                Long.class, c.id());
    }

    /** The completion dates of the case's CaseApproved publications to the enrolment listener (null: incomplete). */
    List<Object> publicationsOf(AssistanceCase c) {
        return jdbc.queryForList("select completion_date from event_publication where listener_id = ?"
                + " and serialized_event like ?", Object.class, CaseApprovedListener.ID,
                "%\"caseNumber\":\"" + c.caseNumber() + "\"%");
    }

    double failures() {
        return meters.counter(CaseApprovedListener.FAILED).count();
    }

    @Test
    void aFailedEnrolmentStaysIncompleteAndIsCompletedWhenResubmitted() {
        Long blocking = enrolmentIdOf(approved(1));
        AssistanceCase c = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2));
        String n = c.caseNumber();
        driver.investigate(n, homeVisit(300, 0));
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        driver.letNoticeRunOut(n);
        // Meanwhile the applicant was enrolled by another case (as if two approvals raced past intake): the
        // coverage key refuses this one.
        String applicant = c.applicantIdNumber();
        jdbc.update("insert into enrolment_coverage (id_number, programme, enrolment_id) values (?, 'DIBAO', ?)",
                applicant, blocking);
        double failedBefore = failures();

        driver.decide(REVIEWER1, n, "approve", null);

        assertThat(driver.status(n)).isEqualTo(CaseStatus.APPROVED);
        await().atMost(Duration.ofSeconds(30)).until(() -> failures() > failedBefore);
        assertThat(enrolmentIds(c)).isEmpty();
        assertThat(publicationsOf(c)).hasSize(1).containsOnlyNulls();

        // The other enrolment ends (its coverage goes); the publication is delivered again.
        jdbc.update("delete from enrolment_coverage where id_number = ? and enrolment_id = ?", applicant, blocking);
        publications.resubmitIncompletePublications(p -> p.getEvent() instanceof CaseApproved a
                && a.caseNumber().equals(n));

        Long id = enrolmentIdOf(c);
        await().atMost(Duration.ofSeconds(30)).until(() -> publicationsOf(c).stream().allMatch(d -> d != null));
        assertThat(publicationsOf(c)).hasSize(1);
        assertThat(jdbc.queryForList("select id_number from enrolment_coverage where enrolment_id = ?", String.class,
                id)).contains(applicant).hasSize(2);
    }

    @Test
    void anApprovalDeliveredAgainAfterItsEnrolmentMakesNoSecond() {
        AssistanceCase c = approved(2);
        Long id = enrolmentIdOf(c);
        await().atMost(Duration.ofSeconds(30)).until(() -> publicationsOf(c).stream().allMatch(d -> d != null));
        // As a second node's resubmission would: the completed publication made incomplete and delivered again.
        jdbc.update("update event_publication set completion_date = null where listener_id = ?"
                + " and serialized_event like ?", CaseApprovedListener.ID, "%\"caseNumber\":\"" + c.caseNumber() + "\"%");
        publications.resubmitIncompletePublications(p -> p.getEvent() instanceof CaseApproved a
                && a.caseNumber().equals(c.caseNumber()));

        await().atMost(Duration.ofSeconds(30)).until(() -> publicationsOf(c).stream().allMatch(d -> d != null));
        assertThat(jdbc.queryForList("select id from enrolment where case_id = ?", Long.class, c.id()))
                .containsExactly(id);
    }

    @Test
    void anApprovedCaseWithoutAnEnrolmentGetsItAtStartUpOnce() {
        AssistanceCase c = approved(2);
        Long id = enrolmentIdOf(c);
        await().atMost(Duration.ofSeconds(30)).until(() -> publicationsOf(c).stream().allMatch(d -> d != null));
        String amount = jdbc.queryForObject("select amount from enrolment_amount where enrolment_id = ?",
                java.math.BigDecimal.class, id).toPlainString();
        // As a case approved before the enrolment module: only its case_benefit row.
        jdbc.update("delete from enrolment_amount_line where amount_id in"
                + " (select id from enrolment_amount where enrolment_id = ?)", id);
        jdbc.update("delete from enrolment_amount where enrolment_id = ?", id);
        jdbc.update("delete from enrolment_coverage where enrolment_id = ?", id);
        jdbc.update("delete from enrolment_member where enrolment_id = ?", id);
        jdbc.update("delete from enrolment where id = ?", id);

        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);

        List<Long> ids = enrolmentIds(c);
        assertThat(ids).hasSize(1);
        assertThat(jdbc.queryForObject("select amount from enrolment_amount where enrolment_id = ?",
                java.math.BigDecimal.class, ids.get(0))).isEqualByComparingTo(amount);
        assertThat(jdbc.queryForObject("select decided_by from enrolment_amount where enrolment_id = ?", String.class,
                ids.get(0))).isEqualTo(REVIEWER1);
        assertThat(jdbc.queryForObject("select count(*) from enrolment_coverage where enrolment_id = ?", Integer.class,
                ids.get(0))).isEqualTo(2);

        backfill.run();
        assertThat(enrolmentIds(c)).containsExactlyElementsOf(ids);
    }
}
