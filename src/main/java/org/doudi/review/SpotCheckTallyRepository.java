package org.doudi.review;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SpotCheckTallyRepository extends JpaRepository<SpotCheckTally, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from SpotCheckTally t where t.scope = :scope")
    Optional<SpotCheckTally> lock(String scope);
}
