package org.doudi.verification;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RegistryRecordRepository extends JpaRepository<RegistryRecord, Long> {

    List<RegistryRecord> findByIdNumberIn(Collection<String> idNumbers);

    boolean existsByIdNumberInAndCategory(Collection<String> idNumbers, RegistryCategory category);
}
