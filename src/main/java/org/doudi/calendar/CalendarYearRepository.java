package org.doudi.calendar;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CalendarYearRepository extends JpaRepository<CalendarYear, Long> {

    Optional<CalendarYear> findFirstByRegionAndYearOrderByVersionDesc(String region, int year);

    /** The newest version of every year of every region. */
    @Query("""
            select c from CalendarYear c where c.version = (select max(d.version) from CalendarYear d
            where d.year = c.year and d.region = c.region)
            """)
    List<CalendarYear> findCurrent();

    @Query("select coalesce(max(c.id), 0) from CalendarYear c")
    long lastId();
}
