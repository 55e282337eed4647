package nl.klaspoort.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import nl.klaspoort.platform.OwnBodyLimit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what one request can hold: the size of its body ({@code klaspoort.http.max-body-size}; endpoints that
 * declare an {@link OwnBodyLimit} bound theirs themselves) and the time any
 * one SQL statement may run ({@code klaspoort.db.statement-timeout}, PostgreSQL's {@code statement_timeout} on every
 * pooled connection). Transactions are bounded by {@code spring.transaction.default-timeout} and GraphQL operations
 * by {@code klaspoort.graphql.request-timeout}. Migrations run without the statement timeout (building an index on a
 * large table may take longer); the pool's connections are replaced after them, so none keeps that setting.
 */
@Configuration(proxyBeanMethods = false)
public class ResourceLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(@Value("${klaspoort.http.max-body-size}") DataSize maxBodySize,
            ObjectProvider<OwnBodyLimit> ownLimits) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(
                maxBodySize, ownLimits.orderedStream().map(OwnBodyLimit::pathPattern).toList()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    static BeanPostProcessor statementTimeout(@Value("${klaspoort.db.statement-timeout}") Duration timeout) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource hikari) {
                    hikari.setConnectionInitSql("set statement_timeout = " + timeout.toMillis());
                }
                return bean;
            }

        };
    }

    @Bean
    FlywayConfigurationCustomizer migrationsWithoutStatementTimeout() {
        return configuration -> configuration.initSql("set statement_timeout = 0");
    }

    @Bean
    FlywayMigrationStrategy migrateThenRenewConnections() {
        return flyway -> {
            flyway.migrate();
            DataSource dataSource = flyway.getConfiguration().getDataSource();
            try {
                if (dataSource.isWrapperFor(HikariDataSource.class)) {
                    HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
                    if (pool != null) {
                        pool.softEvictConnections();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not renew the pool's connections after the migrations", e);
            }
        };
    }
}
