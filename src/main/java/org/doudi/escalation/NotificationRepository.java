package org.doudi.escalation;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findTop100ByGroupIdInOrderByIdDesc(Collection<String> groupIds);

    List<Notification> findByCaseIdOrderById(Long caseId);
}
