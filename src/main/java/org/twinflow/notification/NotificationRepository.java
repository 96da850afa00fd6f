package org.twinflow.notification;

import java.util.List;

import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The notification outbox. */
@Transactional(readOnly = true)
public interface NotificationRepository extends Repository<Notification, Long> {

    @Transactional
    Notification save(Notification notification);

    List<Notification> findByProposalIdOrderByIdAsc(Long proposalId);
}
