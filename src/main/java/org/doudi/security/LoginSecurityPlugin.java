package org.doudi.security;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs Doudi's login rules in the engine, the one place every login passes through:
 * <ul>
 * <li>the identity provider {@link ThrottledIdentityProvider} (throttling, locks, hash upgrade), or under the profile
 * {@code ldap} {@link ThrottledLdapIdentityProvider}: the county's directory, read-only, behind the same throttling
 * ({@link LdapIdentityConfig});</li>
 * <li>bcrypt for new password hashes ({@link BcryptPasswordEncryptor}); old {@code {SHA-512}} and {@code {SHA}}
 * hashes stay checkable because the engine's {@code PasswordManager} always registers those two checkers
 * itself (registering them again as custom checkers would stop the engine at start);</li>
 * <li>the engine's own login throttling switched off: {@code loginMaxAttempts} at its maximum and no delay.
 * Doudi's provider never calls the engine's lock methods anyway; this keeps them harmless should a later
 * change let them run;</li>
 * <li>the engine's password policy (at least 10 characters with upper and lower case letters, a digit and a
 * special character, none of the user's own data), which Camunda Admin shows next to the password field;
 * its refusals answered with 400 ({@link PasswordPolicyRefusal}).</li>
 * </ul>
 */
@Component
class LoginSecurityPlugin extends AbstractProcessEnginePlugin {

    private final LoginThrottle throttle;
    private final VerifiedPasswords verified;
    private final LoginEventPublisher events;
    private final BcryptPasswordEncryptor bcrypt;
    /** The county's directory (profile {@code ldap}), or {@code null}: the engine's own user tables. */
    private final LdapConfiguration directory;

    LoginSecurityPlugin(LoginThrottle throttle, VerifiedPasswords verified, LoginEventPublisher events,
            LoginProperties properties, ObjectProvider<LdapConfiguration> directory) {
        this.throttle = throttle;
        this.verified = verified;
        this.events = events;
        this.bcrypt = new BcryptPasswordEncryptor(properties.bcryptCost());
        this.directory = directory.getIfAvailable();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(directory == null ? ownUsers() : directoryUsers());
        configuration.setPasswordEncryptor(bcrypt);

        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayMaxTime(0);

        configuration.setEnablePasswordPolicy(true);
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new PasswordPolicyRefusal());
    }

    private SessionFactory ownUsers() {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ThrottledIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new ThrottledIdentityProvider(throttle, verified, bcrypt, events);
            }
        };
    }

    /** Read-only: the engine registers a session type that is no {@code WritableIdentityProvider} as read-only. */
    private SessionFactory directoryUsers() {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ThrottledLdapIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new ThrottledLdapIdentityProvider(directory, throttle, verified, events);
            }
        };
    }
}
