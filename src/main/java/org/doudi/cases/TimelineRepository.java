package org.doudi.cases;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineRepository extends JpaRepository<TimelineEntry, Long> {

    List<TimelineEntry> findByCaseIdOrderByAtAscIdAsc(Long caseId);
}
