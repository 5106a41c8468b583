package org.doudi.test;

import java.math.BigDecimal;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.doudi.fund.ReserveFunds;
import org.doudi.region.Region;
import org.doudi.region.RegionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A township of its own for a test that counts money: a fresh township of county A with one village,
 * a reserve fund and a caseworker, so that no other test moves its balance.
 */
public class TestTownships {

    private final RegionRepository regions;
    private final ReserveFunds funds;
    private final IdentityService identity;
    private final TransactionTemplate tx;

    TestTownships(RegionRepository regions, ReserveFunds funds, IdentityService identity, TransactionTemplate tx) {
        this.regions = regions;
        this.funds = funds;
        this.identity = identity;
        this.tx = tx;
    }

    /** A new township; its caseworker is {@code cw-<township code>}, password {@code demo}. */
    public record Township(String code, String village, String caseworker) {
    }

    public Township withFund(String amount) {
        return tx.execute(status -> {
            String code;
            do {
                code = Demo.COUNTY_A + (400 + ThreadLocalRandom.current().nextInt(200));
            } while (regions.existsById(code));
            regions.save(new Region(code, "测试镇" + code, Demo.COUNTY_A));
            String village = code + "201";
            regions.save(new Region(village, "测试村" + code, code));
            funds.allocate(code, new BigDecimal(amount), "test allocation", "test");
            Group group = identity.newGroup("township-" + code);
            group.setName("测试镇经办");
            group.setType("WORKFLOW");
            identity.saveGroup(group);
            String caseworker = "cw-" + code;
            User user = identity.newUser(caseworker);
            user.setPassword(Demo.PASSWORD);
            // Like the demo accounts, below the password policy (which only the engine's implementation can skip).
            ((IdentityServiceImpl) identity).saveUser(user, true);
            identity.createMembership(caseworker, group.getId());
            return new Township(code, village, caseworker);
        });
    }
}
