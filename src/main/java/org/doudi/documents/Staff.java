package org.doudi.documents;

/** How a member of staff is named on a notice: his name and account, or the account alone. */
final class Staff {

    private Staff() {
    }

    static String of(String name, String account) {
        if (account == null) {
            return "—";
        }
        if ("system".equals(account)) {
            return "系统自动处理";
        }
        return name == null ? account : name + "（" + account + "）";
    }
}
