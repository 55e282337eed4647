package nl.klaspoort.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The embedded database (issue 10, item 6): no local connection is trusted, the passwords are generated into the data
 * directory for its owner only, the application is no superuser, a data directory of an earlier version is taken over,
 * and the {@code prod} profile refuses the embedded database unless told otherwise.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    private static Connection connect(EmbeddedPostgres postgres, String database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, properties);
    }

    private static Object single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    @Test
    void everyConnectionNeedsAPasswordAndTheApplicationIsNoSuperuser() throws Exception {
        try (EmbeddedDatabase.Started started = EmbeddedDatabase.start(home.resolve("pgdata"), false)) {
            Path credentials = home.resolve(EmbeddedDatabase.CREDENTIALS_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
            assertThat(Files.readString(home.resolve("pgdata/pg_hba.conf"))).doesNotContain("trust").contains("scram-sha-256");

            EmbeddedPostgres postgres = started.postgres();
            for (String user : new String[] {"postgres", EmbeddedDatabase.APP_ROLE}) {
                assertThatThrownBy(() -> connect(postgres, "postgres", user, null).close()).as(user + " without password")
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> connect(postgres, "postgres", user, "raden").close()).as(user + " with a guess")
                        .hasMessageContaining("password authentication failed");
            }

            DataSource app = EmbeddedDatabase.appDataSource(started);
            try (Connection connection = app.getConnection()) {
                assertThat(single(connection, "select current_user")).isEqualTo("klaspoort");
                assertThat(single(connection, "select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user"))
                        .isEqualTo(false);
                assertThat(single(connection, "select password_encryption from (select current_setting('password_encryption') as password_encryption) s"))
                        .isEqualTo("scram-sha-256");
                assertThatThrownBy(() -> single(connection, "copy (select 1) to program 'id'"))
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> single(connection, "select pg_read_file('postgresql.conf')"))
                        .hasMessageContaining("permission denied");
                // it owns its own database, so the migrations can run
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create table probe (id int)");
                    statement.execute("create extension if not exists unaccent");
                }
            }
            assertThatThrownBy(() -> connect(postgres, "postgres", EmbeddedDatabase.APP_ROLE, started.appPassword()).close())
                    .as("no way into the other databases").hasMessageContaining("permission denied");
        }
    }

    @Test
    void aRestartKeepsTheDataAndThePasswords() throws Exception {
        String password;
        try (EmbeddedDatabase.Started started = EmbeddedDatabase.start(home.resolve("pgdata"), false);
             Connection connection = EmbeddedDatabase.appDataSource(started).getConnection();
             Statement statement = connection.createStatement()) {
            password = started.appPassword();
            statement.execute("create table kept (name text); insert into kept values ('Regenboog')");
        }
        try (EmbeddedDatabase.Started again = EmbeddedDatabase.start(home.resolve("pgdata"), false);
             Connection connection = EmbeddedDatabase.appDataSource(again).getConnection()) {
            assertThat(again.appPassword()).isEqualTo(password);
            assertThat(single(connection, "select name from kept")).isEqualTo("Regenboog");
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionIsTakenOver() throws Exception {
        Path pgdata = home.resolve("pgdata");
        // as the earlier version left it: initdb with trust, the data in database postgres, owned by the superuser
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(pgdata).setCleanDataDirectory(false).start();
             Connection connection = legacy.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table flyway_schema_history (version text)");
            statement.execute("insert into flyway_schema_history values ('4')");
            statement.execute("create sequence school_seq");
            statement.execute("create table school (id bigint primary key default nextval('school_seq'), name text)");
            statement.execute("insert into school (name) values ('OBS De Regenboog')");
            statement.execute("create function shout(text) returns text language sql immutable as $$ select upper($1) $$");
        }
        assertThat(Files.readString(pgdata.resolve("pg_hba.conf"))).contains("trust");

        try (EmbeddedDatabase.Started started = EmbeddedDatabase.start(pgdata, false);
             Connection connection = EmbeddedDatabase.appDataSource(started).getConnection();
             Statement statement = connection.createStatement()) {
            assertThat(single(connection, "select shout(name) from school")).isEqualTo("OBS DE REGENBOOG");
            assertThat(single(connection, "select version from flyway_schema_history")).isEqualTo("4");
            statement.execute("insert into school (name) values ('CBS Het Kompas')");
            statement.execute("alter table school add column brin text");
            assertThat(single(connection, "select string_agg(distinct pg_get_userbyid(relowner), ',') from pg_class c "
                    + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'")).isEqualTo("klaspoort");
            assertThat(Files.readString(pgdata.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertThatThrownBy(() -> connect(started.postgres(), "klaspoort", "postgres", null).close())
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void theProdProfileRefusesTheEmbeddedDatabaseUnlessAllowed() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedPostgresConfiguration.class)
                .withPropertyValues("spring.profiles.active=prod",
                        "klaspoort.embedded-db.data-dir=" + home.resolve("pgdata"));
        runner.run(context -> assertThat(context).hasFailed().getFailure()
                .hasStackTraceContaining("The prod profile needs an external PostgreSQL"));
        runner.withPropertyValues("klaspoort.embedded-db.allowed-in-prod=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(DataSource.class));
    }
}
