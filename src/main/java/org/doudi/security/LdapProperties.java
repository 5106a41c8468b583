package org.doudi.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The county's directory ({@code doudi.ldap.*}), read only under the profile {@code ldap}; the values and
 * their environment variables are in {@code application-ldap.yaml}, the expected tree in {@code docs/ldap.md}.
 * Users, their passwords and their groups come from here; Doudi never writes to the directory.
 *
 * @param serverUrl              {@code ldap://host:389} or {@code ldaps://host:636}
 * @param managerDn              the read-only service account Doudi binds as to search, e.g.
 *                               {@code uid=doudi-reader,ou=system,dc=county,dc=example}
 * @param managerPassword        its password
 * @param baseDn                 the root of every search, e.g. {@code dc=county,dc=example}
 * @param userSearchBase         where users are, relative to {@code baseDn} (e.g. {@code ou=people}); empty: the base
 * @param userSearchFilter       which entries are users, e.g. {@code (objectClass=inetOrgPerson)}
 * @param userIdAttribute        the attribute that is the login name and Camunda user id ({@code uid})
 * @param userFirstnameAttribute given name ({@code givenName})
 * @param userLastnameAttribute  family name ({@code sn})
 * @param userEmailAttribute     e-mail ({@code mail})
 * @param groupSearchBase        where groups are, relative to {@code baseDn} (e.g. {@code ou=groups})
 * @param groupSearchFilter      which entries are groups, e.g. {@code (objectClass=groupOfNames)}
 * @param groupIdAttribute       the attribute that is the Camunda group id ({@code cn}): it must read exactly as the
 *                               contract's group names, {@code township-130102100}
 * @param groupNameAttribute     the group's display name ({@code description})
 * @param groupMemberAttribute   the group's members ({@code member}, holding user DNs; {@code memberUid} with
 *                               {@code usePosixGroups})
 * @param usePosixGroups         members are user ids ({@code posixGroup}/{@code memberUid}), not DNs
 * @param sortControlSupported   the server sorts results (RFC 2891); off: unsorted lists in Camunda Admin
 * @param pageSize               results per page (RFC 2696) for directories that cap a search; empty: no paging
 * @param administratorGroup     the group whose members administer Camunda (all permissions, Cockpit and Admin).
 *                               Doudi's own operator functions (login locks, audit, demo clock) recognise
 *                               {@code camunda-admin} only: keep that name unless the directory cannot have it
 * @param contextProperties      further JNDI environment entries, e.g. {@code com.sun.jndi.ldap.connect.timeout}
 */
@ConfigurationProperties("doudi.ldap")
record LdapProperties(
        String serverUrl,
        String managerDn,
        String managerPassword,
        String baseDn,
        String userSearchBase,
        String userSearchFilter,
        String userIdAttribute,
        String userFirstnameAttribute,
        String userLastnameAttribute,
        String userEmailAttribute,
        String groupSearchBase,
        String groupSearchFilter,
        String groupIdAttribute,
        String groupNameAttribute,
        String groupMemberAttribute,
        boolean usePosixGroups,
        boolean sortControlSupported,
        Integer pageSize,
        String administratorGroup,
        Map<String, String> contextProperties) {

    /**
     * What is missing or wrong for the profile {@code ldap}; empty when the settings can be used. Checked only under
     * the profile (the record is bound in every profile, where these settings are simply absent).
     */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (blank(serverUrl) || !(serverUrl.startsWith("ldap://") || serverUrl.startsWith("ldaps://"))) {
            problems.add("server-url (DOUDI_LDAP_URL) must be ldap://host:port or ldaps://host:port");
        }
        requireSet(problems, "base-dn (DOUDI_LDAP_BASE_DN)", baseDn);
        requireSet(problems, "user-search-filter", userSearchFilter);
        requireSet(problems, "user-id-attribute", userIdAttribute);
        requireSet(problems, "group-search-filter", groupSearchFilter);
        requireSet(problems, "group-id-attribute", groupIdAttribute);
        requireSet(problems, "group-member-attribute", groupMemberAttribute);
        requireSet(problems, "administrator-group (DOUDI_LDAP_ADMIN_GROUP)", administratorGroup);
        if (blank(managerDn) || blank(managerPassword)) {
            // The plug-in searches as this account; an empty password would be an anonymous bind (RFC 4513, 5.1.2).
            problems.add("manager-dn and manager-password (DOUDI_LDAP_MANAGER_DN, DOUDI_LDAP_MANAGER_PASSWORD) "
                    + "must be set");
        }
        if (pageSize != null && pageSize < 1) {
            problems.add("page-size must be at least 1, or empty");
        }
        return problems;
    }

    private static void requireSet(List<String> problems, String setting, String value) {
        if (blank(value)) {
            problems.add(setting + " must be set");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
