package org.doudi.security;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.OutsideScopeException;
import org.springframework.stereotype.Component;

/**
 * What an operator ({@code camunda-admin}) sees of login locks and how he lifts them. Lifting a user's lock
 * goes through the engine's {@code IdentityService.unlockUser}, as Camunda Admin's "unlock user" button
 * does, so both clear the same state and both land in the engine's user operation log.
 */
@Component
public class LoginLocks {

    private final LoginThrottle throttle;
    private final IdentityService identity;
    private final Actors actors;
    private final LoginEventPublisher events;
    private final VerifiedPasswords verified;

    LoginLocks(LoginThrottle throttle, IdentityService identity, Actors actors, LoginEventPublisher events,
            VerifiedPasswords verified) {
        this.throttle = throttle;
        this.identity = identity;
        this.actors = actors;
        this.events = events;
        this.verified = verified;
    }

    /**
     * A current lock.
     *
     * @param kind        {@code USER} or {@code ADDRESS}
     * @param subject     the user id or the client address
     * @param failures    the failures that led to it
     * @param lockLevel   1 for the first lock in a row, 2 for the second (twice as long) …
     */
    public record LoginLock(String kind, String subject, Instant lockedUntil, int failures, int lockLevel) {
    }

    public List<LoginLock> current() {
        requireOperator();
        return throttle.locks().stream()
                .map(s -> new LoginLock(s.kind().name(), s.subject(), s.lockedUntil(), s.failures(), s.lockLevel()))
                .toList();
    }

    /**
     * Lifts the user's lock and forgets his failures; nothing to do when he has none. With a read-only identity
     * (profile {@code ldap}) the engine has no {@code unlockUser} to call (it is an operation of writable
     * providers): the lock is lifted here, audited the same way, without an entry in the engine's operation log.
     */
    public void unlockUser(String userId) {
        requireOperator();
        if (identity.createUserQuery().userId(userId).count() == 0) {
            throw new NotFoundException("用户不存在 (no such user): " + userId);
        }
        if (identity.isReadOnly()) {
            // The directory's spelling of the id, which the throttle counted under.
            String id = identity.createUserQuery().userId(userId).singleResult().getId();
            verified.forget(id);
            if (throttle.clearUser(id)) {
                events.unlocked(id, actors.currentUserId());
            }
            return;
        }
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication(actors.currentUserId(), actors.currentGroupIds());
        try {
            identity.unlockUser(userId);
        } finally {
            if (before == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(before);
            }
        }
    }

    /** Lifts a client address's lock and forgets its failures. */
    public void unlockAddress(String address) {
        requireOperator();
        if (!throttle.clearAddress(address)) {
            throw new NotFoundException("该地址没有登录失败记录 (no login failures recorded for this address): " + address);
        }
        events.unlocked("address:" + address, actors.currentUserId());
    }

    private void requireOperator() {
        if (!actors.currentScope().isAdmin()) {
            throw new OutsideScopeException("只有系统管理员（camunda-admin）可以查看或解除登录锁定 (operators only)");
        }
    }
}
