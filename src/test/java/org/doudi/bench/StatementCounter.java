package org.doudi.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application sends (each execute, and each statement of a batch), and can record
 * them with their parameters to run them again by JDBC: the benchmark's own configuration wraps the application's
 * DataSource; the application is unchanged.
 */
// Deliberately not a @Configuration: component scanning must not find it in the test suite's contexts; the
// benchmark names it as a source of its own application (TaskScaleBench.boot).
class StatementCounter {

    static final AtomicLong STATEMENTS = new AtomicLong();

    /**
     * A statement as the application sent it: SQL text, parameters by position, and the time its execute call took
     * (Connector/J reads the whole result into memory there, so this is the server's answer and its transfer).
     */
    record Sent(String sql, List<Object> params, long nanos) {

        double millis() {
            return nanos / 1e6;
        }
    }

    private static volatile List<Sent> recording;

    static void record() {
        recording = Collections.synchronizedList(new ArrayList<>());
    }

    static List<Sent> stop() {
        List<Sent> r = recording;
        recording = null;
        return r == null ? List.of() : new ArrayList<>(r);
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds && "dataSource".equals(name)) {
                    return wrap(ds, DataSource.class, null);
                }
                return bean;
            }
        };
    }

    @SuppressWarnings("unchecked")
    static <T> T wrap(Object target, Class<T> type, String sql) {
        Map<Integer, Object> params = new TreeMap<>();
        InvocationHandler h = (proxy, method, args) -> {
            String m = method.getName();
            if (m.equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
                return target;
            }
            if (target instanceof Statement) {
                if (m.startsWith("execute") && !m.equals("executeBatch") || m.equals("addBatch")) {
                    STATEMENTS.incrementAndGet();
                    List<Sent> r = recording;
                    if (r != null) {
                        List<Object> values = new ArrayList<>(params.values());
                        long t0 = System.nanoTime();
                        Object result = invoke(target, method, args);
                        r.add(new Sent(sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?",
                                values, System.nanoTime() - t0));
                        return result;
                    }
                } else if (m.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
                    params.put(i, m.equals("setNull") ? null : args[1]);
                } else if (m.equals("clearParameters")) {
                    params.clear();
                }
            }
            Object result = invoke(target, method, args);
            String text = (m.startsWith("prepare")) && args != null && args[0] instanceof String s ? s : null;
            if (result instanceof Connection c) {
                return wrap(c, Connection.class, null);
            }
            if (result instanceof CallableStatement s) {
                return wrap(s, CallableStatement.class, text);
            }
            if (result instanceof PreparedStatement s) {
                return wrap(s, PreparedStatement.class, text);
            }
            if (result instanceof Statement s) {
                return wrap(s, Statement.class, null);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
