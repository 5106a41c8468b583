package org.doudi.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link LoginEvents} as Spring application events.
 * <p>
 * Within an HTTP request they are delivered when the request ends ({@link ClientAddressFilter}), outside any
 * transaction: a password is checked inside an engine command that holds a database connection, and a
 * listener writing the audit trail in a transaction of its own would otherwise need a second connection
 * while holding the first (many failed logins at once would exhaust the pool). Delivered there, an event
 * does not depend on how the command ended: a {@code Failed} arrives although {@code checkPassword} simply
 * returned {@code false}. Outside a request (the engine's Java API) they are delivered at once.
 * <p>
 * A failing listener is logged, never turned into a failed login or a failed unlock.
 */
@Component
class LoginEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(LoginEventPublisher.class);

    static final String BAD_CREDENTIALS = "BAD_CREDENTIALS";
    static final String UNKNOWN_USER = "UNKNOWN_USER";
    static final String LOCKED = "LOCKED";

    private final ApplicationEventPublisher publisher;

    LoginEventPublisher(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    void failed(String userId, String clientAddress, String reason) {
        publish(new LoginEvents.Failed(userId, clientAddress, reason));
    }

    void locked(List<ThrottleState> placed, String clientAddress) {
        for (ThrottleState lock : placed) {
            publish(new LoginEvents.Locked(lock.key(), clientAddress, lock.lockedUntil()));
        }
    }

    void unlocked(String key, String by) {
        publish(new LoginEvents.Unlocked(key, by));
    }

    private void publish(Object event) {
        if (!LoginRequest.defer(event)) {
            deliver(event);
        }
    }

    void deliver(List<Object> events) {
        events.forEach(this::deliver);
    }

    private void deliver(Object event) {
        try {
            publisher.publishEvent(event);
        } catch (RuntimeException e) {
            log.error("a listener of {} failed", event, e);
        }
    }
}
