package org.doudi.test;

/** The demo regions and users of the contract. */
public final class Demo {

    public static final String COUNTY_A = "130102";
    public static final String TOWNSHIP_A1 = "130102100";
    public static final String VILLAGE_A1 = "130102100201";
    public static final String VILLAGE_A1_WEST = "130102100202";
    public static final String TOWNSHIP_A2 = "130102101";
    public static final String VILLAGE_A2 = "130102101201";
    public static final String COUNTY_B = "130104";
    public static final String TOWNSHIP_B1 = "130104200";
    public static final String VILLAGE_B1 = "130104200201";

    public static final String CLERK1 = "clerk1";
    public static final String CASEWORKER1 = "caseworker1";
    public static final String CASEWORKER2 = "caseworker2";
    public static final String CASEWORKER9 = "caseworker9";
    public static final String REVIEWER1 = "reviewer1";
    public static final String REVIEWER9 = "reviewer9";
    public static final String POVERTY1 = "poverty1";
    public static final String SUPERVISOR1 = "supervisor1";
    public static final String TSUPERVISOR1 = "tsupervisor1";
    public static final String PASSWORD = "demo";

    private Demo() {
    }
}
