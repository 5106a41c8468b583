package org.doudi.audit;

import org.doudi.security.LoginEvents;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Records what happens at login. A failed audit write does not change the login's answer: the
 * attempt is refused anyway, and the trail has logged the failure.
 */
@Component
class LoginAuditListener {

    private final AuditTrail trail;

    LoginAuditListener(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void failed(LoginEvents.Failed e) {
        record(new AuditEvent(e.userId(), "login.failed", e.userId(), null, null, AuditEvent.REFUSED, e.reason(),
                e.clientAddress()));
    }

    @EventListener
    void locked(LoginEvents.Locked e) {
        record(new AuditEvent(e.key(), "login.locked", e.key(), null, null, AuditEvent.REFUSED,
                e.until() == null ? "locked" : "locked until " + e.until(), e.clientAddress()));
    }

    @EventListener
    void unlocked(LoginEvents.Unlocked e) {
        record(new AuditEvent(e.by(), "login.unlocked", e.userId(), null, null, AuditEvent.SUCCESS,
                "unlocked " + e.userId(), null));
    }

    private void record(AuditEvent event) {
        try {
            trail.record(event);
        } catch (DataAccessException alreadyLogged) {
            // see the class comment
        }
    }
}
