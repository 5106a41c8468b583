package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The profile {@code ldap} refuses to start with settings that could not work, and says which. */
class LdapPropertiesTest {

    static LdapProperties settings(String serverUrl, String managerDn, String managerPassword, String baseDn) {
        return new LdapProperties(serverUrl, managerDn, managerPassword, baseDn, "ou=people",
                "(objectClass=inetOrgPerson)", "uid", "givenName", "sn", "mail", "ou=groups", "(objectClass=groupOfNames)",
                "cn", "description", "member", false, false, null, "camunda-admin", Map.of());
    }

    @Test
    void completeSettingsHaveNoProblems() {
        assertThat(settings("ldaps://ldap.county.example:636", "uid=doudi-reader,ou=system,dc=county,dc=example",
                "secret", "dc=county,dc=example").problems()).isEmpty();
    }

    @Test
    void theApplicationsDefaultsAloneNameWhatIsMissing() {
        assertThat(settings("ldap://localhost:389", "", "", "").problems()).containsExactly(
                "base-dn (DOUDI_LDAP_BASE_DN) must be set",
                "manager-dn and manager-password (DOUDI_LDAP_MANAGER_DN, DOUDI_LDAP_MANAGER_PASSWORD) must be set");
    }

    @Test
    void aServiceAccountWithoutPasswordWouldBeAnAnonymousBind() {
        assertThat(settings("ldap://localhost:389", "uid=doudi-reader,ou=system,dc=county,dc=example", "",
                "dc=county,dc=example").problems()).singleElement().asString().startsWith("manager-dn and manager-password");
    }

    @Test
    void theServerIsAnLdapUrl() {
        assertThat(settings("ldap.county.example", "uid=r", "s", "dc=county,dc=example").problems())
                .containsExactly("server-url (DOUDI_LDAP_URL) must be ldap://host:port or ldaps://host:port");
    }
}
