package nl.klaspoort.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The default database: a real PostgreSQL server started by the application itself, so that running Klaspoort needs
 * nothing installed. Data lives in {@code klaspoort.embedded-db.data-dir} (default {@code ~/.klaspoort/pgdata}, or
 * {@code KLASPOORT_DATA_DIR}); it is locked down as {@link EmbeddedDatabase} describes (generated passwords, scram,
 * an application role that is no superuser). Setting {@code spring.datasource.url} (or {@code KLASPOORT_DB_URL})
 * switches to an external PostgreSQL and this configuration backs off. In the {@code prod} profile the embedded
 * server is refused unless {@code klaspoort.embedded-db.allowed-in-prod} is true: production data belongs on a
 * server that is backed up and run by someone.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatabase.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase.Started embeddedPostgres(
            Environment environment,
            @Value("${klaspoort.embedded-db.data-dir}") Path dataDir,
            @Value("${klaspoort.embedded-db.clean:false}") boolean clean,
            @Value("${klaspoort.embedded-db.allowed-in-prod:false}") boolean allowedInProd) throws IOException {
        if (environment.acceptsProfiles(Profiles.of("prod")) && !allowedInProd) {
            throw new IllegalStateException("The prod profile needs an external PostgreSQL (KLASPOORT_DB_URL, "
                    + "KLASPOORT_DB_USERNAME, KLASPOORT_DB_PASSWORD). To run production on the embedded database anyway, "
                    + "set KLASPOORT_EMBEDDED_DB_ALLOWED_IN_PROD=true and back up " + dataDir + " yourself.");
        }
        long started = System.nanoTime();
        EmbeddedDatabase.Started database = EmbeddedDatabase.start(dataDir, clean);
        log.info("Embedded PostgreSQL on port {} with data in {} ({} ms)", database.postgres().getPort(), dataDir,
                (System.nanoTime() - started) / 1_000_000);
        return database;
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase.Started database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(EmbeddedDatabase.APP_ROLE);
        dataSource.setPassword(database.appPassword());
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("klaspoort-embedded");
        return dataSource;
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
