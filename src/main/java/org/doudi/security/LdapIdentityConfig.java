package org.doudi.security;

import java.util.HashMap;
import java.util.List;

import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.doudi.region.StaffScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code ldap}: users, their passwords and their groups come from the county's directory through
 * Camunda's LDAP identity plug-in, read-only (docs/ldap.md). {@link LoginSecurityPlugin} installs the directory
 * as the engine's identity provider behind Doudi's login rules ({@link ThrottledLdapIdentityProvider}); the
 * plug-in's own {@code LdapIdentityProviderPlugin} is not registered, because it would install the bare
 * provider, without locks and login audit. Authorizations stay in the engine's database, keyed by group id.
 */
@Configuration(proxyBeanMethods = false)
@Profile("ldap")
class LdapIdentityConfig {

    private static final Logger log = LoggerFactory.getLogger(LdapIdentityConfig.class);

    /** The plug-in's settings, checked at start: a wrong setting stops the application instead of every login. */
    @Bean
    LdapConfiguration directory(LdapProperties properties) {
        List<String> problems = properties.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("profile ldap (doudi.ldap.*): " + String.join("; ", problems));
        }
        LdapConfiguration c = new LdapConfiguration();
        c.setServerUrl(properties.serverUrl());
        c.setUseSsl(properties.serverUrl().startsWith("ldaps://"));
        c.setManagerDn(properties.managerDn());
        c.setManagerPassword(properties.managerPassword());
        c.setBaseDn(properties.baseDn());
        c.setUserSearchBase(orEmpty(properties.userSearchBase()));
        c.setUserSearchFilter(properties.userSearchFilter());
        c.setUserIdAttribute(properties.userIdAttribute());
        c.setUserFirstnameAttribute(orEmpty(properties.userFirstnameAttribute()));
        c.setUserLastnameAttribute(orEmpty(properties.userLastnameAttribute()));
        c.setUserEmailAttribute(orEmpty(properties.userEmailAttribute()));
        c.setGroupSearchBase(orEmpty(properties.groupSearchBase()));
        c.setGroupSearchFilter(properties.groupSearchFilter());
        c.setGroupIdAttribute(properties.groupIdAttribute());
        c.setGroupNameAttribute(orEmpty(properties.groupNameAttribute()));
        c.setGroupMemberAttribute(properties.groupMemberAttribute());
        c.setUsePosixGroups(properties.usePosixGroups());
        c.setSortControlSupported(properties.sortControlSupported());
        c.setPageSize(properties.pageSize());
        if (properties.contextProperties() != null) {
            c.setContextProperties(new HashMap<>(properties.contextProperties()));
        }
        // Never: an empty password would be an anonymous bind, which many servers accept as a success.
        c.setAllowAnonymousLogin(false);
        // A wrong password is a refused login (counted by the throttle), not an exception.
        c.setPasswordCheckCatchAuthenticationException(true);
        // Users and groups listed to a logged-in user (Camunda Admin, Tasklist) as his READ authorizations allow.
        c.setAuthorizationCheckEnabled(true);
        log.info("identity from the directory {} (base {}): users {} {}, groups {} {} by {}; read-only",
                properties.serverUrl(), properties.baseDn(), orEmpty(properties.userSearchBase()),
                properties.userSearchFilter(), orEmpty(properties.groupSearchBase()), properties.groupSearchFilter(),
                properties.groupIdAttribute());
        return c;
    }

    /**
     * The directory's administrator group gets every permission in the engine (Cockpit, Admin, the whole REST
     * API), as Camunda's administrator plug-in grants it; existing grants are left alone.
     */
    @Bean
    AdministratorAuthorizationPlugin directoryAdministrators(LdapProperties properties) {
        AdministratorAuthorizationPlugin plugin = new AdministratorAuthorizationPlugin();
        plugin.setAdministratorGroupName(properties.administratorGroup());
        if (!StaffScope.ADMIN_GROUP.equals(properties.administratorGroup())) {
            log.warn("administrator group {} administers Camunda, but Doudi's operator functions (login locks, "
                    + "audit, demo clock) are for members of {} only", properties.administratorGroup(),
                    StaffScope.ADMIN_GROUP);
        }
        return plugin;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
