package org.doudi.escalation;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface OpenTaskRepository extends JpaRepository<OpenTask, String> {

    /** Open tasks of a region and below (a county, township or village code) due before a moment. */
    @Query("""
            select t from OpenTask t where t.dueAt < :before
            and (t.countyCode = :region or t.townshipCode = :region or t.villageCode = :region)
            order by t.dueAt
            """)
    List<OpenTask> dueBefore(String region, Instant before);

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
