package org.doudi.escalation;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface OpenTaskRepository extends JpaRepository<OpenTask, String> {

    /**
     * Open tasks whose due date a new schedule of a year may move: counted with a step from an anchor
     * before the year's end, and due from the year's start on (a limit that ends before the year is not
     * touched by it). {@code countyPrefix} is {@code ""} for the national schedule, a province's two digits
     * for its own.
     */
    @Query("""
            select t from OpenTask t where t.step is not null and t.anchorDay is not null
            and t.anchorDay <= :yearEnd and t.dueAt >= :yearStart and t.countyCode like concat(:countyPrefix, '%')
            order by t.caseId, t.taskId
            """)
    List<OpenTask> movableBy(java.time.LocalDate yearEnd, Instant yearStart, String countyPrefix);

    /** A case's open steps, the soonest due first. */
    List<OpenTask> findByCaseIdOrderByDueAt(Long caseId);

    @Modifying
    @Query("delete from OpenTask t where t.taskId = :taskId")
    int deleteByTaskId(String taskId);

    /** Counts per county, township and step, open and overdue, for the metrics. */
    @Query("""
            select t.countyCode, t.townshipCode, t.taskKey, count(t),
                   sum(case when t.dueAt < :now then 1 else 0 end)
            from OpenTask t group by t.countyCode, t.townshipCode, t.taskKey
            """)
    List<Object[]> counts(Instant now);
}
