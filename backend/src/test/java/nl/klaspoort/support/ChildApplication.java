package nl.klaspoort.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import klaspoort.peers.basispoort.BasispoortSimulator;
import klaspoort.peers.tls.Certificates;
import nl.klaspoort.KlaspoortApplication;
import nl.klaspoort.productclient.internal.TokenSettings;

/**
 * This application started in a JVM of its own against the test's database (with its credentials, the password in
 * the environment rather than on a command line), its token key and its Basispoort simulator, for tests that kill it
 * with SIGKILL. Its output goes to {@link #log()}.
 */
public final class ChildApplication {

    private final Process process;
    private final Path log;
    private final DataSource dataSource;
    private final String applicationName;

    private ChildApplication(Process process, Path log, DataSource dataSource, String applicationName) {
        this.process = process;
        this.log = log;
        this.dataSource = dataSource;
        this.applicationName = applicationName;
    }

    /**
     * @param applicationName the database connections' {@code application_name}, so a test can find them
     * @param arguments       further arguments (e.g. {@code --klaspoort.hosted-licences.push-every=1s})
     */
    public static ChildApplication start(DataSource dataSource, TokenSettings tokens, String applicationName,
            String... arguments) throws IOException, java.sql.SQLException {
        BasispoortSimulator simulator = TestBasispoort.simulator();
        Path certificates = simulator.certificates().directory();
        var database = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
        String url = database.getJdbcUrl() + (database.getJdbcUrl().contains("?") ? "&" : "?") + "ApplicationName=" + applicationName;
        Path log = Files.createTempFile("klaspoort-" + applicationName + "-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), KlaspoortApplication.class.getName(),
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + database.getUsername(),
                "--klaspoort.demo-data.enabled=false", "--vaadin.productionMode=true",
                "--klaspoort.roster.resume-on-start=false", "--klaspoort.roster.nightly-cron=-",
                "--klaspoort.tokens.key-encryption-key-file=" + tokens.keyEncryptionKeyFile(),
                "--klaspoort.basispoort.base-url=" + simulator.baseUrl(),
                "--klaspoort.basispoort.publisher-code=" + simulator.publisherCode(),
                "--spring.ssl.bundle.jks.basispoort.keystore.location=file:" + certificates.resolve("client.p12"),
                "--spring.ssl.bundle.jks.basispoort.keystore.password="
                        + new String(simulator.certificates().store(Certificates.CLIENT).password()),
                "--spring.ssl.bundle.jks.basispoort.truststore.location=file:" + certificates.resolve("truststore.p12"),
                "--spring.ssl.bundle.jks.basispoort.truststore.password="
                        + new String(simulator.certificates().store(Certificates.TRUSTSTORE).password())));
        command.addAll(List.of(arguments)); // a property given twice would be a list: give each once
        if (List.of(arguments).stream().noneMatch(a -> a.startsWith("--klaspoort.hosted-licences.push-every="))) {
            command.add("--klaspoort.hosted-licences.push-every=0"); // no hosted licence rounds unless asked for
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", database.getPassword());
        return new ChildApplication(builder.start(), log, dataSource, applicationName);
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /**
     * After a SIGKILL the database keeps the dead process's sessions (and their locks, advisory ones included) until it
     * notices the client is gone. This ends them as the database eventually would and waits until they are gone, so
     * what a test does next does not race them.
     */
    public void awaitConnectionsGone() throws java.sql.SQLException, InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        try (var connection = dataSource.getConnection();
                var terminate = connection.prepareStatement(
                        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?");
                var count = connection.prepareStatement("select count(*) from pg_stat_activity where application_name = ?")) {
            terminate.setString(1, applicationName);
            terminate.executeQuery().close();
            count.setString(1, applicationName);
            while (true) {
                try (var rows = count.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) == 0) {
                        return;
                    }
                }
                if (java.time.Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the dead process's database connections are still there after 30 s");
                }
                Thread.sleep(20); // polling the database, not synchronising threads
            }
        }
    }
}
