package org.doudi.security;

import java.util.List;

import javax.naming.NamingException;
import javax.naming.ldap.LdapContext;

import org.camunda.bpm.identity.impl.ldap.LdapAuthenticationException;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapUserEntity;
import org.doudi.security.ThrottleState.Kind;

/**
 * The directory's users (Camunda's LDAP identity provider, read-only) with Doudi's login rules, as
 * {@link ThrottledIdentityProvider} applies them to the engine's own users:
 * <ol>
 * <li>a locked user or client address is refused, the correct password too, without asking the directory to
 * bind and without counting;</li>
 * <li>a wrong password, an empty one, or a user the directory does not know counts for the user (if known) and the
 * address ({@link LoginThrottle}) and is published for the audit trail;</li>
 * <li>a right password (a successful bind as the user's DN) resets the user's count and is remembered for a few
 * minutes ({@link VerifiedPasswords}), keyed to the user's DN, so that HTTP Basic does not bind at every request.
 * A password changed in the directory therefore replaces the old one here within that time
 * ({@code doudi.login.verification-cache-ttl}); a user removed from the directory is refused at once, since he is
 * looked up at every check.</li>
 * </ol>
 * A directory that cannot be reached is neither a success nor a failure: the plug-in's exception goes up and the
 * login fails without counting against the user.
 * <p>
 * What the directory itself enforces (its password policy, its own lockout after failed binds) still applies on
 * top: a user the directory has locked cannot bind.
 */
class ThrottledLdapIdentityProvider extends LdapIdentityProviderSession {

    private final LoginThrottle throttle;
    private final VerifiedPasswords verified;
    private final LoginEventPublisher events;

    ThrottledLdapIdentityProvider(LdapConfiguration directory, LoginThrottle throttle, VerifiedPasswords verified,
            LoginEventPublisher events) {
        super(directory);
        this.throttle = throttle;
        this.verified = verified;
        this.events = events;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        String address = LoginRequest.clientAddress();
        if (userId == null || userId.isBlank() || password == null) {
            events.failed(userId, address, LoginEventPublisher.BAD_CREDENTIALS);
            return false;
        }
        LdapUserEntity user = (LdapUserEntity) findUserById(userId);
        String id = user == null ? null : user.getId();
        LoginThrottle.Standing standing = throttle.standing(id, address);
        if (standing.locked()) {
            events.failed(userId, address, LoginEventPublisher.LOCKED);
            return false;
        }
        if (user == null || password.isEmpty()) {
            return refused(userId, id, address, user == null ? LoginEventPublisher.UNKNOWN_USER
                    : LoginEventPublisher.BAD_CREDENTIALS);
        }
        if (verified.holds(id, password, user.getDn()) || binds(user, password)) {
            throttle.recordSuccess(standing);
            verified.remember(id, password, user.getDn());
            return true;
        }
        return refused(userId, id, address, LoginEventPublisher.BAD_CREDENTIALS);
    }

    private boolean refused(String asGiven, String userId, String address, String reason) {
        List<ThrottleState> placed = throttle.recordFailure(userId, address);
        if (placed.stream().anyMatch(lock -> lock.kind() == Kind.USER)) {
            verified.forget(userId);
        }
        events.failed(asGiven, address, reason);
        events.locked(placed, address);
        return false;
    }

    /** Whether the directory accepts the password for the user's DN (a simple bind on a connection of its own). */
    private boolean binds(LdapUserEntity user, String password) {
        LdapContext context = null;
        try {
            context = ldapClient.openContext(user.getDn(), password);
            return true;
        } catch (LdapAuthenticationException wrongPassword) {
            return false;
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException ignored) {
                    // the bind has answered; a failed close changes nothing about it
                }
            }
        }
    }
}
