package nl.klaspoort.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL locked down: every connection needs a password (scram-sha-256, loopback only), the
 * passwords are generated on first start and kept in {@code <data directory>/db-credentials.properties}, readable by
 * the owner only, and the application connects as {@code klaspoort}, which owns its database and nothing else (no
 * superuser: it cannot read other databases, change roles or run programs on the host). A data directory from an
 * earlier version (every local connection trusted, the data in database {@code postgres}, owned by the superuser) is
 * migrated on its first start: its database becomes {@code klaspoort}, owned by the application role.
 */
public final class EmbeddedDatabase {

    public static final String APP_ROLE = "klaspoort";
    public static final String APP_DATABASE = "klaspoort";
    static final String CREDENTIALS_FILE = "db-credentials.properties";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PG_HBA = """
            # Written by Klaspoort: every connection needs a password (scram-sha-256), and only over loopback.
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            local   all       all                  scram-sha-256
            host    all       all   127.0.0.1/32   scram-sha-256
            host    all       all   ::1/128        scram-sha-256
            """;

    /** The running server and the application's login; closing it stops the server. */
    public record Started(EmbeddedPostgres postgres, String appPassword) implements AutoCloseable {

        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + APP_DATABASE;
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }

    /** The two generated passwords, as kept in the credentials file. */
    record Credentials(String superuser, String app) {}

    private EmbeddedDatabase() {}

    /** Starts (and on first start creates or migrates) the cluster in {@code pgdata}; credentials live beside it. */
    public static Started start(Path pgdata, boolean clean) throws IOException {
        Path home = pgdata.toAbsolutePath().getParent();
        Files.createDirectories(home);
        ownerOnly(home, true);
        Credentials credentials = credentials(home.resolve(CREDENTIALS_FILE));
        // used by initdb only, when the cluster is created: the superuser gets its password from the start
        Path pwfile = Files.createTempFile(home, "initdb", ".pw");
        EmbeddedPostgres postgres;
        try {
            ownerOnly(pwfile, false);
            Files.writeString(pwfile, credentials.superuser() + "\n", StandardCharsets.UTF_8);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgdata)
                    .setCleanDataDirectory(clean)
                    .setPort(freePort())
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", pwfile.toString())
                    .setConnectConfig("password", credentials.superuser())
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("shared_buffers", "64MB")
                    .start();
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException sql && "28P01".equals(sql.getSQLState())) {
                throw new IllegalStateException("The embedded database in " + pgdata + " does not accept the password in "
                        + home.resolve(CREDENTIALS_FILE) + ". Restore the file that belongs to this data directory, or move "
                        + "the directory away to start with an empty database.", e);
            }
            throw e;
        } finally {
            Files.deleteIfExists(pwfile);
        }
        try {
            secure(postgres, credentials, pgdata);
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException("Could not secure the embedded database in " + pgdata, e);
        }
        return new Started(postgres, credentials.app());
    }

    /** Roles, database, ownership and pg_hba.conf, each made right if it is not (idempotent, a few statements). */
    private static void secure(EmbeddedPostgres postgres, Credentials credentials, Path pgdata) throws SQLException, IOException {
        try (Connection admin = superuser(postgres, "postgres")) {
            execute(admin, "alter role postgres password " + literal(admin, credentials.superuser()));
            boolean roleExists = exists(admin, "select 1 from pg_roles where rolname = ?", APP_ROLE);
            execute(admin, (roleExists ? "alter role " : "create role ") + APP_ROLE
                    + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password "
                    + literal(admin, credentials.app()));
            if (!exists(admin, "select 1 from pg_database where datname = ?", APP_DATABASE)) {
                if (exists(admin, "select 1 from pg_tables where schemaname = 'public' and tablename = ?", "flyway_schema_history")) {
                    admin.close();
                    migrateLegacyDatabase(postgres);
                } else {
                    execute(admin, "create database " + APP_DATABASE + " owner " + APP_ROLE);
                }
            }
        }
        try (Connection admin = superuser(postgres, "postgres")) {
            execute(admin, "alter database " + APP_DATABASE + " owner to " + APP_ROLE);
            execute(admin, "revoke all on database " + APP_DATABASE + " from public");
            execute(admin, "revoke connect on database postgres from public");
            execute(admin, "revoke connect on database template1 from public");
        }
        try (Connection admin = superuser(postgres, APP_DATABASE)) {
            execute(admin, "alter schema public owner to " + APP_ROLE);
            execute(admin, """
                    do $$
                    declare r record;
                    begin
                      for r in select c.oid::regclass as name, c.relkind from pg_class c
                                 join pg_namespace n on n.oid = c.relnamespace
                                where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                                  and c.relowner <> (select oid from pg_roles where rolname = '%1$s')
                                  and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
                      loop
                        execute format(case r.relkind when 'S' then 'alter sequence %%s owner to %1$s'
                                                      when 'v' then 'alter view %%s owner to %1$s'
                                                      when 'm' then 'alter materialized view %%s owner to %1$s'
                                                      when 'f' then 'alter foreign table %%s owner to %1$s'
                                                      else 'alter table %%s owner to %1$s' end, r.name);
                      end loop;
                      for r in select p.oid::regprocedure as name from pg_proc p
                                 join pg_namespace n on n.oid = p.pronamespace
                                where n.nspname = 'public'
                                  and p.proowner <> (select oid from pg_roles where rolname = '%1$s')
                                  and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
                      loop
                        execute format('alter routine %%s owner to %1$s', r.name);
                      end loop;
                    end $$""".formatted(APP_ROLE));
        }
        Path hba = pgdata.resolve("pg_hba.conf");
        if (!PG_HBA.equals(Files.readString(hba))) {
            Files.writeString(hba, PG_HBA, StandardOpenOption.TRUNCATE_EXISTING);
            try (Connection admin = superuser(postgres, "postgres")) {
                execute(admin, "select pg_reload_conf()");
            }
            log.info("Embedded PostgreSQL now asks every connection for a password (scram-sha-256)");
        }
    }

    /**
     * An earlier version kept its tables in database {@code postgres}: rename it to {@code klaspoort} (from
     * {@code template1}, as nobody may be connected to a database being renamed) and give tools a new empty
     * {@code postgres}.
     */
    private static void migrateLegacyDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection admin = superuser(postgres, "template1")) {
            execute(admin, "select pg_terminate_backend(pid) from pg_stat_activity where datname = 'postgres' and pid <> pg_backend_pid()");
            execute(admin, "alter database postgres rename to " + APP_DATABASE);
            execute(admin, "create database postgres");
        }
        log.info("Embedded PostgreSQL: moved the data of an earlier version into database {}, owned by role {}",
                APP_DATABASE, APP_ROLE);
    }

    private static Connection superuser(EmbeddedPostgres postgres, String database) throws SQLException {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    /** The application's login to its database (for tests). */
    public static DataSource appDataSource(Started started) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(started.jdbcUrl());
        dataSource.setUser(APP_ROLE);
        dataSource.setPassword(started.appPassword());
        return dataSource;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean exists(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A string literal for DDL that takes no parameters (the passwords are generated, base64url: no quotes anyway). */
    private static String literal(Connection connection, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select quote_literal(?)")) {
            statement.setString(1, value);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Reads the credentials file, or writes a new one (owner read/write only) with two generated passwords. */
    static Credentials credentials(Path file) throws IOException {
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            ownerOnly(file, false);
            return new Credentials(properties.getProperty("superuser.password"), properties.getProperty("app.password"));
        }
        Credentials credentials = new Credentials(generate(), generate());
        Path temp = Files.createTempFile(file.getParent(), CREDENTIALS_FILE, ".new");
        ownerOnly(temp, false);
        Files.writeString(temp, """
                # The embedded PostgreSQL's passwords, generated on first start. Keep this file with the data directory
                # and readable by its owner only: the superuser password opens every database.
                superuser.password=%s
                app.password=%s
                """.formatted(credentials.superuser(), credentials.app()), StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        log.info("Generated the embedded database's passwords in {}", file);
        return credentials;
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** rw------- for a file, rwx------ for a directory, where the file system knows POSIX permissions. */
    static void ownerOnly(Path path, boolean directory) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------");
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
