package org.doudi.safeguards;

import java.util.List;

import org.doudi.cases.AssistanceCase;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The cases registered separately (近亲属备案), for the county's list. */
interface NearRelativeCaseRepository extends Repository<AssistanceCase, Long> {

    @Query("select c from AssistanceCase c where c.nearRelative = true and (c.countyCode = :region "
            + "or c.townshipCode = :region or c.villageCode = :region) order by c.submittedAt desc, c.id desc")
    List<AssistanceCase> findMarkedIn(String region);
}
