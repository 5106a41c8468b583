package org.doudi.safeguards;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface NearRelativeMarkRepository extends JpaRepository<NearRelativeMark, Long> {

    List<NearRelativeMark> findByCaseIdOrderById(Long caseId);

    List<NearRelativeMark> findByCaseIdInOrderById(List<Long> caseIds);
}
