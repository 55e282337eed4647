package nl.klaspoort.support;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application sends (every thread: batch loaders run on other threads). Tests run one
 * request at a time, so {@link #reset()} before a request and {@link #count()} after it give that request's statements.
 * Asynchronous event listeners (threads {@code listener-*}: the mail outbox, account links) run after a request
 * commits and are not part of its budget; an earlier test's mail could otherwise land in a later test's count. Neither
 * are scheduled jobs (threads {@code scheduling-*}: e.g. the sign-in throttle's clean-up every 10 minutes), which run
 * whenever their timer fires, also in the middle of a test's request.
 * The session store's statements (reading the signed-in session, touching its last access) are the same for every
 * request of a signed-in user; they are counted apart ({@link #sessionCount()}, budgeted in {@code SessionsTest}), so
 * that {@link #count()} is what the request itself costs.
 */
public final class SqlStatementCounter {

    private static final AtomicInteger statements = new AtomicInteger();
    private static final AtomicInteger sessionStatements = new AtomicInteger();

    private SqlStatementCounter() {}

    public static void reset() {
        statements.set(0);
        sessionStatements.set(0);
    }

    public static int count() {
        return statements.get();
    }

    public static int sessionCount() {
        return sessionStatements.get();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                        return ProxyDataSourceBuilder.create(dataSource)
                                .name("counting")
                                .afterQuery((execution, queries) -> {
                                    String thread = Thread.currentThread().getName();
                                    if (!thread.startsWith("listener-") && !thread.startsWith("scheduling-")) {
                                        boolean session = queries.stream().anyMatch(q -> q.getQuery().toUpperCase(java.util.Locale.ROOT).contains("SPRING_SESSION"));
                                        (session ? sessionStatements : statements).addAndGet(execution.isBatch() ? 1 : queries.size());
                                    }
                                })
                                .build();
                    }
                    return bean;
                }
            };
        }
    }
}
