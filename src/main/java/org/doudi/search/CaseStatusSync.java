package org.doudi.search;

import jakarta.persistence.EntityManagerFactory;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseStatus;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

/**
 * Keeps the search entry's status equal to the case's, in the same flush and transaction, whichever verb of
 * {@link AssistanceCase} changed it and wherever that verb was called: the status is a column of the case,
 * and Hibernate reports every update of a case with its state before and after.
 */
@Component
class CaseStatusSync implements PostUpdateEventListener {

    private final CaseSearchIndex index;

    CaseStatusSync(EntityManagerFactory entityManagerFactory, CaseSearchIndex index) {
        this.index = index;
        entityManagerFactory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(EventListenerRegistry.class)
                .appendListeners(EventType.POST_UPDATE, this);
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        if (!(event.getEntity() instanceof AssistanceCase c)) {
            return;
        }
        int status = statusIndex(event.getPersister());
        // Without the state before (an update of a detached case), update anyway: the statement is a no-op then.
        Object before = event.getOldState() == null ? null : event.getOldState()[status];
        Object after = event.getState()[status];
        if (after instanceof CaseStatus now && before != after) {
            index.statusChanged(c.id(), now.name());
        }
    }

    private static int statusIndex(EntityPersister persister) {
        String[] names = persister.getPropertyNames();
        for (int i = 0; i < names.length; i++) {
            if ("status".equals(names[i])) {
                return i;
            }
        }
        throw new IllegalStateException("AssistanceCase has no status property");
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }
}
