package nl.klaspoort.support;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import nl.klaspoort.KlaspoortApplication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One Klaspoort application node started in this JVM, as {@code java -jar} would start it (none of the tests' own
 * configurations: the real clock, no statement counter), so that a test can run several nodes on one database, or the
 * same code with other settings side by side. The first node starts the embedded PostgreSQL in a fresh directory, runs
 * the migrations and loads the demo data; every further node gets {@link #database()} and finds it all there.
 */
public final class Node implements AutoCloseable {

    private static final SecurityContextHolderStrategy SHARED_STRATEGY =
            SecurityContextHolder.getContextHolderStrategy() instanceof VaadinAwareSecurityContextHolderStrategy current
                    ? current : new VaadinAwareSecurityContextHolderStrategy();

    private final ConfigurableApplicationContext context;

    private Node(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** A first node, with its own embedded database, demo data and {@code properties} on top. */
    public static Node first(Map<String, Object> properties, Class<?>... configurations) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "klaspoort-node-" + UUID.randomUUID());
        Map<String, Object> all = new HashMap<>();
        all.put("klaspoort.embedded-db.data-dir", dir.resolve("pgdata").toString());
        all.put("klaspoort.embedded-db.clean", "true");
        all.put("klaspoort.demo-data.enabled", "true");
        all.put("klaspoort.tokens.key-encryption-key-file", dir.resolve("token-signing.kek").toString());
        all.putAll(properties);
        return start(all, configurations);
    }

    /** A further node on {@code database} (from {@link #database()} of the first), with {@code properties} on top. */
    public static Node next(Map<String, Object> database, Map<String, Object> properties, Class<?>... configurations) {
        Map<String, Object> all = new HashMap<>(database);
        all.put("klaspoort.demo-data.enabled", "false");
        all.putAll(properties);
        return start(all, configurations);
    }

    private static Node start(Map<String, Object> properties, Class<?>... configurations) {
        Map<String, Object> all = new HashMap<>();
        all.put("server.port", "0");
        all.put("vaadin.productionMode", "true");
        all.put("spring.main.banner-mode", "off");
        all.put("klaspoort.security.allowed-origins", "https://klaspoort.example.org");
        all.putAll(properties);
        Class<?>[] sources = new Class<?>[configurations.length + 1];
        sources[0] = KlaspoortApplication.class;
        System.arraycopy(configurations, 0, sources, 1, configurations.length);
        // as command line arguments: they come before application.yml (builder properties would come after it)
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources)
                // the tests' own @TestConfiguration classes stay out, as in a real deployment
                .initializers(c -> {
                    c.getBeanFactory().registerSingleton(NoTestClasses.class.getName(), new NoTestClasses());
                    // Vaadin sets a strategy of its own with its own thread-local as the JVM-wide one at every start:
                    // nodes in one JVM (and the tests' context) must share one, or a node's filters would store the
                    // signed-in user where its data fetchers do not look
                    c.getBeanFactory().registerSingleton("sharedSecurityContextHolderStrategy", SHARED_STRATEGY);
                })
                .run(args);
        return new Node(context);
    }

    /** Leaves every class compiled from the tests out of the component scan. */
    static final class NoTestClasses extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws java.io.IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The properties that put another node on this node's database (and its token key encryption key). */
    public Map<String, Object> database() {
        try {
            HikariDataSource pool = context.getBean(DataSource.class).unwrap(HikariDataSource.class);
            return Map.of("spring.datasource.url", pool.getJdbcUrl(), "spring.datasource.username", pool.getUsername(),
                    "spring.datasource.password", pool.getPassword(),
                    "klaspoort.tokens.key-encryption-key-file",
                    context.getEnvironment().getProperty("klaspoort.tokens.key-encryption-key-file"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
