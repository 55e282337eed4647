package nl.klaspoort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.introspection.Introspection;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Production defaults (issue 10, item 7), on the real application started three times: {@code prod} refuses a database
 * that holds the demo data (its passwords are in the README), and on a clean database it runs without introspection,
 * without GraphiQL, with Secure {@code __Host-} cookies and HSTS.
 */
class ProductionProfileTest {

    @TempDir
    Path home;

    /** A key encryption key for the token signing keys: prod requires one from configuration. */
    private static final String KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    /**
     * Starting an application sets two things JVM-wide: the framework's security-context strategy and, in
     * {@code prod}, introspection off. The test application the other test classes share in this JVM keeps its own,
     * so both are put back after each start here.
     */
    private SecurityContextHolderStrategy sharedStrategy;
    private boolean sharedIntrospection;

    @BeforeEach
    void rememberTheSharedApplicationsSettings() {
        sharedStrategy = SecurityContextHolder.getContextHolderStrategy();
        sharedIntrospection = Introspection.isEnabledJvmWide();
    }

    @AfterEach
    void restoreTheSharedApplicationsSettings() {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
        Introspection.enabledJvmWide(sharedIntrospection);
    }

    /** The application with its data in {@code home/<dataDir>}, given as arguments: they win over application.yml. */
    private ConfigurableApplicationContext start(String dataDir, String... profile) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--vaadin.productionMode=true",
                "--klaspoort.embedded-db.data-dir=" + home.resolve(dataDir).resolve("pgdata"),
                "--klaspoort.embedded-db.allowed-in-prod=true",
                "--klaspoort.tokens.key-encryption-key-file=" + home.resolve(dataDir).resolve("token-signing.kek"),
                "--klaspoort.tokens.key-encryption-key=" + KEY));
        arguments.addAll(List.of(profile));
        return new SpringApplicationBuilder(KlaspoortApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void prodRefusesADatabaseWithDemoData() {
        try (ConfigurableApplicationContext demo = start("demo")) {
            assertThat(demo.getBean(JdbcClient.class).sql("select count(*) from product_client").query(Long.class).single()).isPositive();
        }
        assertThatThrownBy(() -> start("demo", "--spring.profiles.active=prod").close())
                .hasStackTraceContaining("This database holds demo accounts, demo product clients, demo schools");
    }

    @Test
    void prodRunsWithoutIntrospectionOrGraphiqlAndWithSecureCookies() {
        try (ConfigurableApplicationContext prod = start("prod", "--spring.profiles.active=prod")) {
            JdbcClient jdbc = prod.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).as("no demo data").isZero();
            long school = jdbc.sql("insert into school (id, brin, branch_code, name) values (nextval('school_seq'), '99ZZ', '00', 'Echte school') returning id")
                    .query(Long.class).single();
            long user = jdbc.sql("""
                    insert into app_user (id, kind, first_name, last_name, email, password_hash)
                    values (nextval('app_user_seq'), 'PROFESSIONAL', 'Echte', 'Beheerder', 'beheer@echteschool.nl', :hash) returning id
                    """).param("hash", prod.getBean(PasswordEncoder.class).encode("Productie2026")).query(Long.class).single();
            jdbc.sql("insert into school_member (school_id, user_id) values (:s, :u)").param("s", school).param("u", user).update();
            jdbc.sql("insert into role_grant (school_id, user_id, role) values (:s, :u, 'ADMIN')").param("s", school).param("u", user).update();
            int port = port(prod);

            HttpResponse<String> page = Http.get(port, "/login", Map.of());
            assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
            String csrfCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("__Host-XSRF-TOKEN="))
                    .findFirst().orElseThrow();
            assertThat(csrfCookie).contains("Secure");
            String csrf = csrfCookie.substring("__Host-XSRF-TOKEN=".length(), csrfCookie.indexOf(';'));
            HttpResponse<String> login = Http.post(port, "/login", "application/x-www-form-urlencoded",
                    "username=beheer@echteschool.nl&password=Productie2026",
                    Map.of("Cookie", "__Host-XSRF-TOKEN=" + csrf, "X-XSRF-TOKEN", csrf));
            assertThat(login.statusCode()).isEqualTo(200);
            String sessionCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("__Host-SESSION="))
                    .findFirst().orElseThrow();
            assertThat(sessionCookie).contains("Secure").contains("HttpOnly");
            String session = sessionCookie.substring("__Host-SESSION=".length(), sessionCookie.indexOf(';'));
            Map<String, String> signedIn = Map.of("Cookie", "__Host-SESSION=" + session + "; __Host-XSRF-TOKEN=" + csrf, "X-XSRF-TOKEN", csrf);

            HttpResponse<String> schools = Http.post(port, "/graphql", "application/json", Http.query("{ schools { name } }"), signedIn);
            assertThat(schools.body()).contains("Echte school");
            HttpResponse<String> introspection = Http.post(port, "/graphql", "application/json",
                    Http.query("{ __schema { mutationType { fields { name } } } }"), signedIn);
            assertThat(introspection.body()).contains("errors").doesNotContain("usersArchive").doesNotContain("productClientRegister");
            assertThat(Http.get(port, "/graphiql", Map.of()).body()).doesNotContain("<title>GraphiQL");
        }
    }
}
