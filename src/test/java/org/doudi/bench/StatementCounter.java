package org.doudi.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts the SQL statements the application sends (each execute, and each statement of a batch): the
 * benchmark's own configuration wraps the application's DataSource; the application is unchanged.
 */
@Configuration(proxyBeanMethods = false)
class StatementCounter {

    static final AtomicLong STATEMENTS = new AtomicLong();

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds && "dataSource".equals(name)) {
                    return wrap(ds, DataSource.class);
                }
                return bean;
            }
        };
    }

    @SuppressWarnings("unchecked")
    static <T> T wrap(Object target, Class<T> type) {
        InvocationHandler h = (proxy, method, args) -> {
            String m = method.getName();
            if (m.equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
                return target;
            }
            if (m.startsWith("execute") && !m.equals("executeBatch") && target instanceof Statement) {
                STATEMENTS.incrementAndGet();
            } else if (m.equals("addBatch") && target instanceof Statement) {
                STATEMENTS.incrementAndGet();
            }
            Object result = invoke(target, method, args);
            if (result instanceof Connection c) {
                return wrap(c, Connection.class);
            }
            if (result instanceof CallableStatement s) {
                return wrap(s, CallableStatement.class);
            }
            if (result instanceof PreparedStatement s) {
                return wrap(s, PreparedStatement.class);
            }
            if (result instanceof Statement s) {
                return wrap(s, Statement.class);
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
