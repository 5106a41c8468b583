package org.doudi.region;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RegionRepository extends JpaRepository<Region, String> {

    List<Region> findByParentCodeOrderByCode(String parentCode);

    /** Code and flag of every flagged region (index {@code ix_region_deep_poverty}: the flagged rows only). */
    @Query("select r.code, r.deepPoverty from Region r where r.deepPoverty is not null")
    List<Object[]> deepPovertyFlags();
}
