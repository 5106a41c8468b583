package org.doudi.test;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.doudi.fund.ReserveFunds;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicy;
import org.doudi.region.CountyPolicyRepository;
import org.doudi.region.PolicyValues;
import org.doudi.region.Region;
import org.doudi.region.RegionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A county of its own for a test that changes county numbers (policy versions, rounding, lines): one
 * township with a funded reserve and one village, a township caseworker and a county reviewer who may
 * also use the Tasklist start forms, and a first policy version since 2020-01. No other test sees it.
 */
public class TestCounties {

    private final RegionRepository regions;
    private final CountyPolicyRepository policies;
    private final ReserveFunds funds;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final TransactionTemplate tx;

    TestCounties(RegionRepository regions, CountyPolicyRepository policies, ReserveFunds funds,
            IdentityService identity, AuthorizationService authorizations, TransactionTemplate tx) {
        this.regions = regions;
        this.policies = policies;
        this.funds = funds;
        this.identity = identity;
        this.authorizations = authorizations;
        this.tx = tx;
    }

    /**
     * A new county; its township caseworker is {@code cw-<township>}, its reviewer {@code rv-<county>},
     * password {@code demo}.
     */
    public record County(String code, String township, String village, String caseworker, String reviewer) {
    }

    /** County A's numbers (600.00 元 standard, 支出型 line 900.00, two grants per cause, exact amounts). */
    public static PolicyValues countyAValues() {
        return values("600.00", "900.00", 2, AmountRule.EXACT);
    }

    /** County A's numbers with another standard, 支出型 line (or none), yearly limit and amount rule. */
    public static PolicyValues values(String dibaoStandard, String disposableIncomeLine, int grantsPerCause,
            AmountRule rule) {
        return new PolicyValues(new BigDecimal(dibaoStandard), new BigDecimal("780.00"), new BigDecimal("60.00"),
                new BigDecimal("300.00"), new BigDecimal("900.00"), new BigDecimal("1.50"), false,
                new BigDecimal("0.30"), new BigDecimal("3000.00"), null, grantsPerCause,
                disposableIncomeLine == null ? null : new BigDecimal(disposableIncomeLine), new BigDecimal("900.00"),
                90, rule);
    }

    public County create(PolicyValues since2020) {
        return create(since2020, "13");
    }

    /**
     * A new county in a province (its first two digits, e.g. {@code 45} 广西, for a test of a province's own
     * days off); its code is {@code <province>9<3 digits>}.
     */
    public County create(PolicyValues since2020, String province) {
        return tx.execute(status -> {
            String code;
            do {
                code = province + "9" + (100 + ThreadLocalRandom.current().nextInt(900));
            } while (regions.existsById(code));
            String township = code + "100";
            String village = township + "201";
            regions.save(new Region(code, "测试县" + code, null));
            regions.save(new Region(township, "测试县" + code + "一镇", code));
            regions.save(new Region(village, "测试县" + code + "一村", township));
            policies.save(new CountyPolicy(code, CountyPolicy.SINCE_ALWAYS, since2020, "test", Instant.now()));
            funds.allocate(township, new BigDecimal("20000.00"), "test allocation", "test");
            String caseworker = staff("cw-" + township, "township-" + township, "测试镇经办");
            String reviewer = staff("rv-" + code, "county-" + code, "测试县民政");
            return new County(code, township, village, caseworker, reviewer);
        });
    }

    private String staff(String userId, String groupId, String groupName) {
        Group group = identity.newGroup(groupId);
        group.setName(groupName);
        group.setType("WORKFLOW");
        identity.saveGroup(group);
        User user = identity.newUser(userId);
        user.setPassword(Demo.PASSWORD);
        // Like the demo accounts, below the password policy (which only the engine's implementation can skip).
        ((IdentityServiceImpl) identity).saveUser(user, true);
        identity.createMembership(userId, groupId);
        // As the demo staff groups: Tasklist, the process definitions, the start forms of the case processes.
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        grant(groupId, Resources.PROCESS_DEFINITION, "AssistanceApplication", Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grant(groupId, Resources.PROCESS_DEFINITION, "TemporaryAssistance", Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grant(groupId, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        return userId;
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        a.setGroupId(groupId);
        a.setResource(resource);
        a.setResourceId(resourceId);
        for (Permission p : permissions) {
            a.addPermission(p);
        }
        authorizations.saveAuthorization(a);
    }
}
