package org.doudi.demo;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.doudi.fund.ReserveFunds;
import org.doudi.region.Allowances;
import org.doudi.region.CountyPolicy;
import org.doudi.region.CountyPolicyRepository;
import org.doudi.region.DeepPoverty;
import org.doudi.region.DeepPovertyFlags;
import org.doudi.region.Region;
import org.doudi.region.RegionRepository;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.verification.RegistryCategory;
import org.doudi.verification.RegistryRecord;
import org.doudi.verification.RegistryRecordRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo regions, county policies, users, groups, authorizations and Tasklist filters of the
 * contract ({@code doudi.demo=true}, the embedded default). Idempotent: what exists is left alone.
 * All demo passwords are {@code demo}.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "doudi.demo", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "demo";

    private final RegionRepository regions;
    private final DeepPovertyFlags deepPoverty;
    private final CountyPolicyRepository policies;
    private final RegistryRecordRepository registry;
    private final ReserveFunds funds;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final Clock clock;

    DemoData(RegionRepository regions, DeepPovertyFlags deepPoverty, CountyPolicyRepository policies,
            RegistryRecordRepository registry, ReserveFunds funds, IdentityService identity,
            AuthorizationService authorizations, FilterService filters, TaskService tasks, Clock clock) {
        this.regions = regions;
        this.deepPoverty = deepPoverty;
        this.policies = policies;
        this.registry = registry;
        this.funds = funds;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean ownUsers = !identity.isReadOnly();
        if (ownUsers) {
            warnDemoPasswords();
        }
        if (regions.existsById("130102")) {
            log.info("demo data present");
            return;
        }
        loadRegions();
        loadPolicies();
        loadRegistry();
        loadFunds();
        List<String> staffGroups = loadStaff(ownUsers);
        loadFilters(staffGroups);
        if (ownUsers) {
            log.info("demo data loaded: counties 130102 and 130104, users admin, clerk1, caseworker1 … (password demo)");
        } else {
            log.info("demo data loaded: counties 130102 and 130104; users and groups come from the directory "
                    + "(read-only identity), their authorizations were granted to the contract's group ids");
        }
    }

    /** At every start with demo data, also when it was loaded before: these accounts open the whole system. */
    private static void warnDemoPasswords() {
        log.warn("******************************************************************************");
        log.warn("DEMO DATA IS ON (doudi.demo=true): every demo account's password is `demo`");
        log.warn("(admin, clerk1, caseworker1, caseworker2, caseworker9, reviewer1, reviewer9, poverty1,");
        log.warn("tsupervisor1, supervisor1) — do not use in production. Start production with the");
        log.warn("mysql profile and without DOUDI_DEMO=true, and delete these users where they exist.");
        log.warn("******************************************************************************");
    }

    private void loadRegions() {
        regions.save(new Region("130102", "甲县", null));
        regions.save(new Region("130102100", "甲县一镇", "130102"));
        regions.save(new Region("130102100201", "一镇东村", "130102100"));
        regions.save(new Region("130102100202", "一镇西村", "130102100"));
        regions.save(new Region("130102101", "甲县二镇", "130102"));
        regions.save(new Region("130102101201", "二镇南村", "130102101"));
        regions.save(new Region("130104", "乙县", null));
        regions.save(new Region("130104200", "乙县一乡", "130104"));
        regions.save(new Region("130104200201", "一乡北村", "130104200"));
        // Deep-poverty areas (深度贫困地区), as an operator would flag them: county B as a whole lies in 三区三州;
        // in county A, whose supervisor the demo has, township A2 is a 深度贫困乡镇, so that the supervision page
        // shows flagged and unflagged work side by side.
        StaffScope operator = StaffScope.of(List.of(StaffScope.ADMIN_GROUP));
        deepPoverty.set("130104", DeepPoverty.SANQU_SANZHOU, operator, "admin");
        deepPoverty.set("130102101", DeepPoverty.DEEP_POVERTY, operator, "admin");
    }

    private void loadPolicies() {
        // Each the version in force since 2020-01 (CountyPolicy.SINCE_ALWAYS); later versions are added over
        // POST /api/counties/{county}/policies. Amounts exact to the fen, no minimum payment.
        // County A decides itself; county B has delegated 低保 approval to its townships.
        // Temporary assistance: county A lets a township grant up to 3 000 元 per case, county B up to
        // 4 × its 低保标准 (2 400 元); two grants per person and cause a year; follow-up after 90 days;
        // 支出型 and referral lines at 900 元 per person and month.
        // 分类施保 (extra monthly allowances per member of an enrolled 低保 household): county A pays elderly
        // members (from 60) and minors 10 % of its standard, grade 1–2 disabled members 20 %, seriously ill ones a
        // fixed 50.00 元; county B fixed amounts only, elderly from 70.
        policies.save(new CountyPolicy("130102", money("600.00"), money("780.00"), money("60.00"), money("300.00"),
                money("900.00"), new BigDecimal("1.50"), false, new BigDecimal("0.30"))
                .withTemporaryAssistance(money("3000.00"), null, 2, money("900.00"), money("900.00"), 90)
                .withAllowances(new Allowances(60, percent("10"), percent("10"), percent("20"), fixed("50.00"))));
        policies.save(new CountyPolicy("130104", money("600.00"), money("780.00"), money("60.00"), money("300.00"),
                money("900.00"), new BigDecimal("1.50"), true, new BigDecimal("0.30"))
                .withTemporaryAssistance(null, new BigDecimal("4"), 2, money("900.00"), money("900.00"), 90)
                .withAllowances(new Allowances(70, fixed("40.00"), fixed("30.00"), fixed("80.00"), fixed("60.00"))));
    }

    private static Allowances.Allowance percent(String value) {
        return new Allowances.Allowance(Allowances.Basis.PERCENT, new BigDecimal(value));
    }

    private static Allowances.Allowance fixed(String value) {
        return new Allowances.Allowance(Allowances.Basis.FIXED, money(value));
    }

    private void loadFunds() {
        funds.allocate("130102100", money("20000.00"), "年初拨付临时救助备用金", "admin");
        funds.allocate("130102101", money("10000.00"), "年初拨付临时救助备用金", "admin");
        funds.allocate("130104200", money("10000.00"), "年初拨付临时救助备用金", "admin");
    }

    private void loadRegistry() {
        var now = clock.instant();
        registry.save(new RegistryRecord("11010519491231002X", RegistryCategory.REAL_ESTATE,
                "住宅一套，建筑面积 86 平方米（县城）", new BigDecimal("320000.00"), "demo", now));
        registry.save(new RegistryRecord("440524188001010014", RegistryCategory.VEHICLE,
                "小型普通客车一辆，2019 年登记", new BigDecimal("45000.00"), "demo", now));
    }

    /**
     * The staff groups of every demo region, their authorizations and, with a writable identity, the demo users.
     * A read-only identity (profile {@code ldap}) has its users and groups in the directory; authorizations are
     * the engine's own and keyed by group id, so they are granted all the same.
     */
    private List<String> loadStaff(boolean ownUsers) {
        List<String> staffGroups = new ArrayList<>();
        for (Region r : regions.findAll()) {
            for (StaffRole role : StaffRole.values()) {
                if (role.level() == r.level()) {
                    staffGroups.add(role.groupFor(r.code()));
                }
            }
        }
        for (Resources resource : Resources.values()) {
            // Under the profile ldap, Camunda's administrator plug-in has granted these at the engine's start.
            if (authorizations.createAuthorizationQuery().groupIdIn(StaffScope.ADMIN_GROUP).resourceType(resource)
                    .resourceId("*").count() == 0) {
                grant(StaffScope.ADMIN_GROUP, resource, "*", Permissions.ALL);
            }
        }
        if (ownUsers) {
            loadUsers();
        }
        grantStaff(staffGroups);
        return staffGroups;
    }

    private void loadUsers() {
        group(StaffScope.ADMIN_GROUP, "Camunda 管理员", "SYSTEM");
        for (Region r : regions.findAll()) {
            for (StaffRole role : StaffRole.values()) {
                if (role.level() == r.level()) {
                    group(role.groupFor(r.code()), r.name() + " " + label(role), "WORKFLOW");
                }
            }
        }
        user("admin", "系统", "管理员", StaffScope.ADMIN_GROUP);
        user("clerk1", "村协理员", "东村", StaffRole.VILLAGE_CLERK.groupFor("130102100201"));
        user("caseworker1", "经办人", "一镇", StaffRole.TOWNSHIP_CASEWORKER.groupFor("130102100"));
        user("caseworker2", "经办人", "二镇", StaffRole.TOWNSHIP_CASEWORKER.groupFor("130102101"));
        user("caseworker9", "经办人", "乙县一乡", StaffRole.TOWNSHIP_CASEWORKER.groupFor("130104200"));
        user("reviewer1", "审核员", "甲县", StaffRole.COUNTY_REVIEWER.groupFor("130102"));
        user("reviewer9", "审核员", "乙县", StaffRole.COUNTY_REVIEWER.groupFor("130104"));
        user("poverty1", "扶贫办", "甲县", StaffRole.POVERTY_OFFICER.groupFor("130102"));
        user("tsupervisor1", "督办", "一镇", StaffRole.TOWNSHIP_SUPERVISOR.groupFor("130102100"));
        user("supervisor1", "督办", "甲县", StaffRole.COUNTY_SUPERVISOR.groupFor("130102"));
    }

    private void grantStaff(List<String> staffGroups) {
        for (String groupId : staffGroups) {
            grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(groupId, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            StaffRole role = StaffRole.ofGroup(groupId).orElse(null);
            if (role == StaffRole.VILLAGE_CLERK || role == StaffRole.TOWNSHIP_CASEWORKER
                    || role == StaffRole.COUNTY_REVIEWER) {
                // May take applications from the Tasklist intake form (the case checks the village).
                grant(groupId, Resources.PROCESS_DEFINITION, "AssistanceApplication", Permissions.READ,
                        Permissions.CREATE_INSTANCE);
                grant(groupId, Resources.PROCESS_DEFINITION, "TemporaryAssistance", Permissions.READ,
                        Permissions.CREATE_INSTANCE);
                grant(groupId, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            }
        }
    }

    private void loadFilters(List<String> staffGroups) {
        filter("组内待办", "本人所在组（本村、本乡镇、本县）的待办任务，按期限排序", -10,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc().orderByTaskCreateTime().asc(),
                staffGroups);
        filter("超期任务", "已过办理期限的本组任务（含督办转来的任务）", -8,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().dueBeforeExpression("${now()}").orderByDueDate().asc()
                        .orderByTaskCreateTime().asc(),
                staffGroups);
        filter("即将到期", "三日内到期、尚未超期的本组任务", -9,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().dueAfterExpression("${now()}")
                        .dueBeforeExpression("${dateTime().plusDays(3)}").orderByDueDate().asc()
                        .orderByTaskCreateTime().asc(),
                staffGroups);
        filter("我的任务", "已认领到本人名下的任务", -5,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()
                        .orderByTaskCreateTime().asc(),
                staffGroups);
    }

    private void filter(String name, String description, int priority, TaskQuery query, List<String> groups) {
        Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(Map.of(
                "description", description,
                "priority", priority,
                "refresh", true,
                "variables", List.of(
                        Map.of("name", "caseNumber", "label", "编号"),
                        Map.of("name", "applicantName", "label", "申请人"),
                        Map.of("name", "villageName", "label", "村（居）"))));
        filters.saveFilter(filter);
        for (String group : groups) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group g = identity.newGroup(id);
        g.setName(name);
        g.setType(type);
        identity.saveGroup(g);
    }

    private void user(String id, String firstName, String lastName, String groupId) {
        User u = identity.newUser(id);
        u.setFirstName(firstName);
        u.setLastName(lastName);
        u.setPassword(PASSWORD);
        u.setEmail(id + "@demo.doudi.org");
        // The one exception to the password policy: the demo's well-known password (warned about at start).
        // Skipping the policy is not part of the IdentityService interface, only of the engine's implementation.
        ((IdentityServiceImpl) identity).saveUser(u, true);
        identity.createMembership(id, groupId);
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

    private static String label(StaffRole role) {
        return switch (role) {
            case VILLAGE_CLERK -> "村级协理员";
            case TOWNSHIP_CASEWORKER -> "乡镇经办";
            case COUNTY_REVIEWER -> "县级民政";
            case POVERTY_OFFICER -> "扶贫办";
            case TOWNSHIP_SUPERVISOR -> "乡镇督办";
            case COUNTY_SUPERVISOR -> "县级督办";
        };
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
