package org.doudi.safeguards;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StaffRelationRepository extends JpaRepository<StaffRelationEntry, Long> {

    List<StaffRelationEntry> findByCountyCodeOrderById(String countyCode);

    List<StaffRelationEntry> findByCountyCodeAndRelativeIdNumberIn(String countyCode, Collection<String> idNumbers);

    @Modifying
    @Query("delete from StaffRelationEntry e where e.countyCode = :countyCode")
    int deleteByCounty(String countyCode);
}
