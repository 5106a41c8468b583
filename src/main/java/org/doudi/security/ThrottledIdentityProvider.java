package org.doudi.security;

import java.util.List;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.OptimisticLockingListener;
import org.camunda.bpm.engine.impl.db.entitymanager.OptimisticLockingResult;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperation;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.doudi.security.ThrottleState.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The engine's user store with Doudi's login rules. Every way in — the webapps' login form, HTTP Basic on
 * {@code /engine-rest} and on {@code /api} — ends in {@link #checkPassword}, so the rules hold everywhere:
 * <ol>
 * <li>a locked user or client address is refused, the correct password too, without counting;</li>
 * <li>a wrong password counts for the user and the address ({@link LoginThrottle}), in transactions of its
 * own, so the count stays whatever becomes of the engine command;</li>
 * <li>a right password resets the user's count, upgrades an old hash to bcrypt and is remembered for a few
 * minutes ({@link VerifiedPasswords}).</li>
 * </ol>
 * The engine's own throttling (attempt counter and lock time on the user row) is never read or written:
 * it locked a user permanently after ten failures, and refused the correct password during its delays.
 * {@link #unlockUser} (Camunda Admin's "unlock user", {@code IdentityService.unlockUser}) clears both.
 */
class ThrottledIdentityProvider extends DbIdentityServiceProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledIdentityProvider.class);

    private final LoginThrottle throttle;
    private final VerifiedPasswords verified;
    private final BcryptPasswordEncryptor bcrypt;
    private final LoginEventPublisher events;

    ThrottledIdentityProvider(LoginThrottle throttle, VerifiedPasswords verified, BcryptPasswordEncryptor bcrypt,
            LoginEventPublisher events) {
        this.throttle = throttle;
        this.verified = verified;
        this.bcrypt = bcrypt;
        this.events = events;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        String address = LoginRequest.clientAddress();
        if (userId == null || password == null) {
            events.failed(userId, address, LoginEventPublisher.BAD_CREDENTIALS);
            return false;
        }
        UserEntity user = findUserById(userId);
        LoginThrottle.Standing standing = throttle.standing(user == null ? null : user.getId(), address);
        if (standing.locked()) {
            events.failed(userId, address, LoginEventPublisher.LOCKED);
            return false;
        }
        if (user == null || user.getPassword() == null) {
            bcrypt.spendCheckTime(password);
            List<ThrottleState> placed = throttle.recordFailure(user == null ? null : user.getId(), address);
            events.failed(userId, address, user == null ? LoginEventPublisher.UNKNOWN_USER : LoginEventPublisher.BAD_CREDENTIALS);
            events.locked(placed, address);
            return false;
        }
        if (verified.holds(user.getId(), password, user.getPassword()) || matchPassword(password, user)) {
            throttle.recordSuccess(standing);
            if (!bcrypt.isCurrent(user.getPassword())) {
                upgradeHash(user, password);
            }
            verified.remember(user.getId(), password, user.getPassword());
            return true;
        }
        List<ThrottleState> placed = throttle.recordFailure(user.getId(), address);
        if (placed.stream().anyMatch(lock -> lock.kind() == Kind.USER)) {
            verified.forget(user.getId());
        }
        events.failed(userId, address, LoginEventPublisher.BAD_CREDENTIALS);
        events.locked(placed, address);
        return false;
    }

    /**
     * Re-hashes the password just proven right with the current encryptor (bcrypt) and a new salt; the
     * engine writes it when the command ends. Should someone else have changed the user meanwhile (another
     * node upgrading the same hash, an operator editing him), the engine's revision check fails: his change
     * wins, and this login still succeeds.
     */
    private void upgradeHash(UserEntity user, String password) {
        user.setPassword(password);
        user.encryptPassword();
        getDbEntityManager().registerOptimisticLockingListener(new OptimisticLockingListener() {
            @Override
            public Class<? extends DbEntity> getEntityType() {
                return UserEntity.class;
            }

            @Override
            public OptimisticLockingResult failedOperation(DbOperation operation) {
                log.info("password hash of user {} changed concurrently; kept the other change", user.getId());
                return OptimisticLockingResult.IGNORE;
            }
        });
        log.info("password hash of user {} upgraded to bcrypt", user.getId());
    }

    @Override
    public IdentityOperationResult unlockUser(String userId) {
        UserEntity user = findUserById(userId);
        if (user == null) {
            return new IdentityOperationResult(null, IdentityOperationResult.OPERATION_NONE);
        }
        IdentityOperationResult engine = super.unlockUser(user);
        verified.forget(user.getId());
        if (!throttle.clearUser(user.getId())) {
            return engine;
        }
        events.unlocked(user.getId(), actor());
        return new IdentityOperationResult(user, IdentityOperationResult.OPERATION_UNLOCK);
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        IdentityOperationResult result = super.deleteUser(userId);
        if (IdentityOperationResult.OPERATION_DELETE.equals(result.getOperation())) {
            throttle.clearUser(userId);
            verified.forget(userId);
        }
        return result;
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
        IdentityOperationResult result = super.saveUser(user);
        if (user instanceof UserEntity entity && entity.hasNewPassword()) {
            verified.forget(user.getId());
        }
        return result;
    }

    /** Who lifts a lock: the engine's user (Camunda Admin, {@code /engine-rest}), else the {@code /api} user. */
    private static String actor() {
        String engineUser = Context.getCommandContext().getAuthenticatedUserId();
        if (engineUser != null) {
            return engineUser;
        }
        var web = SecurityContextHolder.getContext().getAuthentication();
        if (web != null && web.isAuthenticated() && !(web instanceof AnonymousAuthenticationToken)) {
            return web.getName();
        }
        return Actors.SYSTEM;
    }
}
