package org.doudi.safeguards;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AuthorisationRepository extends JpaRepository<Authorisation, Long> {

    List<Authorisation> findByCaseIdOrderById(Long caseId);

    List<Authorisation> findByMemberIdIn(Collection<Long> memberIds);
}
