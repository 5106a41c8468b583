package org.doudi.fund;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ReserveFundRepository extends JpaRepository<ReserveFund, String> {

    /** The fund, locked until the end of the transaction: every movement is serialised on this row. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from ReserveFund f where f.townshipCode = :townshipCode")
    Optional<ReserveFund> lock(String townshipCode);
}
