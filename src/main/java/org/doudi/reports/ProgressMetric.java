package org.doudi.reports;

/** The figures of the progress report, in its order, with their Chinese headings. */
public enum ProgressMetric {
    DIBAO_HOUSEHOLDS("低保户数（期末）"),
    DIBAO_PEOPLE("低保人数（期末）"),
    TEKUN_PEOPLE("特困人数（期末）"),
    NEW_HOUSEHOLDS("本期新纳入户数"),
    NEW_PEOPLE("本期新纳入人数"),
    NEW_FOUND_ON_THE_GROUND("其中：主动发现户数"),
    NEW_BY_MONITORING("其中：监测预警发现户数"),
    NEW_BY_HOTLINE("其中：热线反映发现户数"),
    STOPPED("本期停止保障户数"),
    PHASED_OUT("本期渐退期满退出户数"),
    WARNINGS_RAISED("预警产生"),
    WARNINGS_CHECKED("预警派发摸排核查"),
    WARNINGS_HELPED("核查后启动救助申请"),
    WARNINGS_REFERRED("核查后转介"),
    WARNINGS_DISMISSED("预警排除"),
    REFERRALS_MADE("转介扶贫部门"),
    REFERRALS_ANSWERED("转介已答复"),
    TEMPORARY_GRANTS("临时救助发放次数"),
    TEMPORARY_AMOUNT("临时救助金额（元）"),
    RESERVE_FUND_USED("乡镇备用金支出（元）"),
    OVERDUE_TASKS("超期未办事项（生成时）");

    private final String label;

    ProgressMetric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
