package org.doudi.test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application sends, as the database's general log would list them: every
 * executed statement, each row of a JDBC batch counted on its own (MySQL without
 * {@code rewriteBatchedStatements} sends them one by one). Wraps the application's {@link DataSource};
 * counts only while {@link #record} runs, and only on the thread that called it (the tests execute jobs
 * on their own thread; the job executor is off). For the cost of a step (docs/scale.md, "Cost of a step").
 */
public class StatementCounter implements BeanPostProcessor {

    /** One statement: its verb ({@code select}, {@code insert} …) and the first table it names. */
    public record Sql(String verb, String table, String text, String origin) {

        /** Engine's ({@code ACT_*}) or ours. */
        public boolean engine() {
            return table.startsWith("act_");
        }

        public String key() {
            return verb + " " + table;
        }
    }

    /** The statements of one recorded piece of work. */
    public record Recorded(List<Sql> statements, int commits, int batches, int batchedRows) {

        public int total() {
            return statements.size();
        }

        public long engine() {
            return statements.stream().filter(Sql::engine).count();
        }

        public long ours() {
            return total() - engine();
        }

        /** {@code verb table} → how many, sorted; ours only or the engine's only. */
        public Map<String, Integer> byTable(boolean engine) {
            Map<String, Integer> m = new TreeMap<>();
            statements.stream().filter(s -> s.engine() == engine).forEach(s -> m.merge(s.key(), 1, Integer::sum));
            return m;
        }

        /** Our statements on a table, by the code that sent them. */
        public Map<String, Integer> origins(String table) {
            Map<String, Integer> m = new TreeMap<>();
            statements.stream().filter(s -> s.table().equals(table)).forEach(s -> m.merge(s.origin(), 1, Integer::sum));
            return m;
        }

        /** Identical statement texts sent more than once. */
        public Map<String, Integer> repeated() {
            Map<String, Integer> m = new TreeMap<>();
            statements.forEach(s -> m.merge(s.text(), 1, Integer::sum));
            m.values().removeIf(n -> n < 2);
            return m;
        }

        /**
         * Round trips to the server when JDBC batches go as one ({@code rewriteBatchedStatements=true}): the
         * statements sent on their own plus one per batch.
         */
        public int roundTripsBatched() {
            return total() - batchedRows + batches;
        }

        public String summary() {
            return total() + " statements (engine " + engine() + ", ours " + ours() + "), " + commits
                    + " commits, " + batchedRows + " of them in " + batches + " JDBC batches (" + roundTripsBatched()
                    + " sent with rewriteBatchedStatements)";
        }
    }

    private static final Pattern TABLE = Pattern
            .compile("\\b(?:from|into|update|join)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    private final ThreadLocal<List<Sql>> recording = new ThreadLocal<>();
    /** Commits, batches, batched rows of the recording on this thread. */
    private final ThreadLocal<int[]> commits = new ThreadLocal<>();

    /** Runs the work and returns what it sent to the database. */
    public <T> Recorded record(Supplier<T> work) {
        List<Sql> sqls = new ArrayList<>();
        int[] commitCount = new int[3];
        recording.set(sqls);
        commits.set(commitCount);
        try {
            work.get();
        } finally {
            recording.remove();
            commits.remove();
        }
        return new Recorded(List.copyOf(sqls), commitCount[0], commitCount[1], commitCount[2]);
    }

    public Recorded record(Runnable work) {
        return record(() -> {
            work.run();
            return null;
        });
    }

    static Sql parse(String sql) {
        String text = sql.strip().replaceAll("\\s+", " ");
        String verb = text.isEmpty() ? "" : text.split(" ", 2)[0].toLowerCase(Locale.ROOT);
        Matcher m = TABLE.matcher(text);
        String table = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "?";
        return new Sql(verb, table, text, origin());
    }

    /** The first frames of Doudi's own code that led to the statement (main code, not the tests). */
    private static String origin() {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("org.doudi.") && !c.startsWith("org.doudi.test.") && !c.startsWith("org.doudi.processes.")
                    && !c.contains("$$") && n < 3) {
                out.append(n++ == 0 ? "" : " < ").append(c.substring(c.lastIndexOf('.') + 1)).append('.')
                        .append(e.getMethodName());
            }
        }
        return out.toString();
    }

    private void count(String sql) {
        List<Sql> sqls = recording.get();
        if (sqls != null && sql != null) {
            sqls.add(parse(sql));
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds && "dataSource".equals(beanName)) {
            return new CountingDataSource(ds);
        }
        return bean;
    }

    private final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws java.sql.SQLException {
            return wrap(super.getConnection(username, password));
        }
    }

    private Connection wrap(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        int[] c = commits.get();
                        if (c != null) {
                            c[0]++;
                        }
                    }
                    Object result = invoke(target, method, args);
                    if (result instanceof Statement st) {
                        String prepared = args != null && args.length > 0 && args[0] instanceof String s
                                && !method.getName().equals("createStatement") ? s : null;
                        return wrap(st, prepared);
                    }
                    return result;
                });
    }

    private Statement wrap(Statement target, String prepared) {
        Class<?> type = target instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                : target instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            int[] c = commits.get();
            if (name.equals("addBatch")) {
                count(args != null && args.length == 1 && args[0] instanceof String s ? s : prepared);
                if (c != null) {
                    c[2]++;
                }
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                if (c != null) {
                    c[1]++;
                }
            } else if (name.startsWith("execute") && !name.equals("executeBatch")
                    && !name.equals("executeLargeBatch")) {
                count(args != null && args.length > 0 && args[0] instanceof String s ? s : prepared);
            }
            return invoke(target, method, args);
        };
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
