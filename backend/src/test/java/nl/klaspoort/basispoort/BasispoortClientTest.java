package nl.klaspoort.basispoort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nl.klaspoort.basispoort.BasispoortData.EckIdUser;
import nl.klaspoort.basispoort.BasispoortData.LicenceChange;
import nl.klaspoort.basispoort.BasispoortData.Pupil;
import nl.klaspoort.basispoort.BasispoortData.SchoolOverview;
import nl.klaspoort.basispoort.internal.BasispoortConfiguration;
import nl.klaspoort.edexml.RosterSnapshot;
import klaspoort.peers.basispoort.BasispoortSimulator;
import klaspoort.peers.basispoort.WorldGenerator;
import klaspoort.peers.tls.Certificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Basispoort client against the simulator in-process, over real mutual TLS, configured exactly as Klaspoort is:
 * {@code klaspoort.basispoort.*} and the SSL bundle {@code spring.ssl.bundle.jks.basispoort} (PKCS#12 files and their
 * passwords as the simulator wrote them).
 */
class BasispoortClientTest {

    static final long KLIMOP = WorldGenerator.DEMO_SCHOOL_ID;
    static final long WEGWIJZER = WorldGenerator.NO_CONSENT_SCHOOL_ID;

    @TempDir
    static Path certificates;
    static BasispoortSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = BasispoortSimulator.builder().certificates(certificates)
                .world(world -> WorldGenerator.demo(world, 3)).start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    @DisplayName("BP1 a school that gave consent is found and readable; one without consent says so")
    void consentAndSchools() {
        withClient(client -> {
            assertThat(client.schoolIds()).containsExactly(KLIMOP);
            assertThat(client.hasSynchronizationPermission(KLIMOP, false)).isTrue();
            assertThat(client.hasSynchronizationPermission(WEGWIJZER, false)).isFalse();
            assertThatThrownBy(() -> client.overview(WEGWIJZER)).isInstanceOfSatisfying(
                    BasispoortException.NoConsent.class, e -> assertThat(e.schoolId()).isEqualTo(WEGWIJZER));
            assertThatThrownBy(() -> client.details(42)).isInstanceOf(BasispoortException.SchoolNotFound.class);
            assertThatThrownBy(() -> client.hasSynchronizationPermission(42, false))
                    .isInstanceOf(BasispoortException.SchoolNotFound.class);
            assertThat(client.permissionsGranted(LocalDate.now(BasispoortWorldClock.ZONE))).contains(KLIMOP);
            assertThat(client.permissionsRevoked(LocalDate.of(2020, 1, 1))).isEmpty();
        });
    }

    @Test
    @DisplayName("BP3 a school's roster arrives whole and maps onto the import pipeline's snapshot")
    void rosterOfTheDemoSchool() {
        withClient(client -> {
            var details = client.details(KLIMOP);
            assertThat(details.brin()).isEqualTo("99KP");
            assertThat(details.name()).isEqualTo("Basisschool De Klimop");
            SchoolOverview overview = client.overview(KLIMOP);
            assertThat(overview.pupils()).hasSize(200);
            assertThat(overview.groups()).extracting(BasispoortData.Group::jaargroep)
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
            assertThat(overview.staff()).hasSize(10);
            assertThat(overview.meta().mutationTimestamp()).isNotNull();
            assertThat(client.pupils(KLIMOP).pupils()).hasSize(200);
            assertThat(client.groups(KLIMOP).subgroups()).hasSize(1);
            assertThat(client.staff(KLIMOP).staff().getFirst().email()).endsWith("@klimop.demo.klaspoort.nl");
            assertThat(client.ref(KLIMOP)).isNotBlank();

            Pupil third = overview.pupils().get(2);
            assertThat(client.pupils(KLIMOP, List.of(third.id())).pupils()).containsExactly(third);
            assertThat(client.pupilsByEckId(KLIMOP, List.of(third.eckId())).pupils()).containsExactly(third);
            assertThat(third.toString()).doesNotContain(third.eckId()).doesNotContain(third.person().lastName());

            RosterSnapshot snapshot = BasispoortRoster.snapshot(details, overview);
            assertThat(snapshot.school().brincode()).isEqualTo("99KP");
            assertThat(snapshot.school().dependancecode()).isNull();
            assertThat(snapshot.students()).hasSize(200);
            assertThat(snapshot.students().get(2).basispoortId()).isEqualTo(third.id());
            assertThat(snapshot.students().get(2).key()).isEqualTo(third.lasKey());
            assertThat(snapshot.groups()).filteredOn(g -> g.composite()).extracting(g -> g.key()).containsExactly("SG-PLUS");
            assertThat(snapshot.teachers().get(8).groupKeys()).contains("G1", "G8", "SG-PLUS");
        });
    }

    @Test
    @DisplayName("BP3 the mutation timestamp moves only when the school changes")
    void mutationTimestamp() {
        withClient(client -> {
            var before = client.overview(KLIMOP).meta().mutationTimestamp();
            assertThat(client.details(KLIMOP).meta().mutationTimestamp()).isEqualTo(before);
            var staff = simulator.world().staff(KLIMOP).getFirst();
            simulator.world().removeStaff(KLIMOP, staff.id());
            simulator.world().addStaff(KLIMOP, staff);
            assertThat(client.overview(KLIMOP).meta().mutationTimestamp()).isAfter(before);
        });
    }

    @Test
    @DisplayName("Hosted licences: bulk grant and revoke arrive at Basispoort")
    void hostedLicences() {
        withClient(client -> {
            List<Pupil> pupils = simulator.world().pupils(KLIMOP).stream()
                    .map(p -> new Pupil(p.id(), p.eckid(), p.lasKey(), null, p.jaargroep(), p.groep(), p.subgroepen()))
                    .toList();
            putLeeslab();
            client.grant(new LicenceChange(List.of("leeslab"), List.of("leeslab-5"),
                    List.of(pupils.get(0).id(), pupils.get(1).id()), List.of(new EckIdUser(KLIMOP, pupils.get(2).eckId()))));
            client.revoke(new LicenceChange(List.of(), List.of("leeslab-5"), List.of(pupils.get(1).id()), List.of()));

            assertThat(simulator.world().likaUsers("product/leeslab-5")).containsExactly(pupils.get(0).id());
            assertThat(simulator.world().likaEckUsers("methode/leeslab")).extracting(u -> u.eckId())
                    .containsExactly(pupils.get(2).eckId());
            assertThat(simulator.world().likaPushes()).extracting(p -> p.operation()).endsWith("GRANT", "REVOKE");
            assertThatThrownBy(() -> client.grant(new LicenceChange(List.of("onbekend"), null, List.of(1L), null)))
                    .isInstanceOfSatisfying(BasispoortException.Refused.class, e -> assertThat(e.status()).isEqualTo(404));
        });
    }

    @Test
    @DisplayName("BP3 a failing Basispoort is Unavailable (retry later), then the next call succeeds")
    void failuresAreRetryable() {
        withClient(client -> {
            simulator.world().failNext(1, 503, "/rest/v2/instellingen/" + KLIMOP + "/staf");
            assertThatThrownBy(() -> client.staff(KLIMOP)).isInstanceOfSatisfying(BasispoortException.Unavailable.class,
                    e -> assertThat(e.retryable()).isTrue());
            assertThat(client.staff(KLIMOP).staff()).isNotEmpty();
        });
    }

    /**
     * Every time, not most times: with TLS 1.3 the server refuses the certificate after the client has sent its request,
     * and the reset of that unread request often overtook the alert ("connection reset", once taken for an outage).
     */
    @Test
    @DisplayName("mutual TLS: a client without the publisher's certificate is refused, every time")
    void clientWithoutCertificateIsRefused() {
        Path truststore = certificates.resolve("truststore.p12");
        List<String> properties = new ArrayList<>(List.of(
                "klaspoort.basispoort.base-url=" + simulator.baseUrl(),
                "spring.ssl.bundle.jks.basispoort.truststore.location=file:" + truststore,
                "spring.ssl.bundle.jks.basispoort.truststore.password=" + password(Certificates.TRUSTSTORE),
                "spring.ssl.bundle.jks.basispoort.truststore.type=PKCS12"));
        runner(properties).run(context -> {
            BasispoortClient client = context.getBean(BasispoortClient.class);
            for (int attempt = 0; attempt < 40; attempt++) {
                assertThatThrownBy(client::schoolIds).isInstanceOfSatisfying(BasispoortException.TlsFailure.class,
                        e -> assertThat(e.retryable()).isFalse());
            }
        });
    }

    @Test
    @DisplayName("BP3 a connection reset after a good handshake stays an outage (retry later), not a TLS failure")
    void resetAfterAGoodHandshakeIsUnavailable() throws Exception {
        try (ResettingServer server = new ResettingServer(simulator.certificates().serverContext())) {
            List<String> properties = new ArrayList<>(clientProperties());
            properties.set(0, "klaspoort.basispoort.base-url=https://localhost:" + server.port());
            runner(properties).run(context -> assertThatThrownBy(context.getBean(BasispoortClient.class)::schoolIds)
                    .isInstanceOfSatisfying(BasispoortException.Unavailable.class, e -> assertThat(e.retryable()).isTrue()));
        }
    }

    @Test
    @DisplayName("mutual TLS: a server the trust store does not know is refused")
    void unknownServerIsRefused(@TempDir Path otherCertificates) {
        try (BasispoortSimulator other = BasispoortSimulator.builder().certificates(otherCertificates).start()) {
            List<String> properties = new ArrayList<>(clientProperties());
            properties.set(0, "klaspoort.basispoort.base-url=" + other.baseUrl());
            runner(properties).run(context -> assertThatThrownBy(context.getBean(BasispoortClient.class)::schoolIds)
                    .isInstanceOf(BasispoortException.TlsFailure.class));
        }
    }

    @Test
    void missingConfigurationIsClear() {
        List<String> noUrl = new ArrayList<>(clientProperties());
        noUrl.set(0, "klaspoort.basispoort.base-url=");
        runner(noUrl).run(context -> assertThatThrownBy(context.getBean(BasispoortClient.class)::schoolIds)
                .isInstanceOf(BasispoortException.NotConfigured.class));

        List<String> noFile = new ArrayList<>(clientProperties());
        noFile.replaceAll(p -> p.replace("client.p12", "ontbreekt.p12"));
        runner(noFile).run(context -> assertThatThrownBy(context.getBean(BasispoortClient.class)::schoolIds)
                .isInstanceOf(BasispoortException.TlsFailure.class).hasMessageContaining("cannot be loaded"));

        List<String> closed = new ArrayList<>(clientProperties());
        closed.set(0, "klaspoort.basispoort.base-url=https://localhost:1");
        runner(closed).run(context -> assertThatThrownBy(context.getBean(BasispoortClient.class)::schoolIds)
                .isInstanceOf(BasispoortException.Unavailable.class));
    }

    // ---- helpers ----

    /** Klaspoort's Basispoort configuration against the simulator. */
    static List<String> clientProperties() {
        return List.of(
                "klaspoort.basispoort.base-url=" + simulator.baseUrl(),
                "klaspoort.basispoort.publisher-code=" + simulator.publisherCode(),
                "spring.ssl.bundle.jks.basispoort.key.alias=client",
                "spring.ssl.bundle.jks.basispoort.keystore.location=file:" + certificates.resolve("client.p12"),
                "spring.ssl.bundle.jks.basispoort.keystore.password=" + password(Certificates.CLIENT),
                "spring.ssl.bundle.jks.basispoort.keystore.type=PKCS12",
                "spring.ssl.bundle.jks.basispoort.truststore.location=file:" + certificates.resolve("truststore.p12"),
                "spring.ssl.bundle.jks.basispoort.truststore.password=" + password(Certificates.TRUSTSTORE),
                "spring.ssl.bundle.jks.basispoort.truststore.type=PKCS12",
                "spring.ssl.bundle.jks.basispoort.options.enabled-protocols=TLSv1.3,TLSv1.2");
    }

    static void withClient(Consumer<BasispoortClient> test) {
        runner(clientProperties()).run(context -> test.accept(context.getBean(BasispoortClient.class)));
    }

    static ApplicationContextRunner runner(List<String> properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, JacksonAutoConfiguration.class,
                        HttpMessageConvertersAutoConfiguration.class, RestClientAutoConfiguration.class))
                .withUserConfiguration(BasispoortConfiguration.class)
                .withPropertyValues(properties.toArray(String[]::new));
    }

    static String password(String store) {
        return new String(simulator.certificates().store(store).password());
    }

    /** Methods and products are the publisher's catalogue in Basispoort, created through the Hosted Lika API. */
    private static void putLeeslab() {
        try {
            var http = java.net.http.HttpClient.newBuilder().sslContext(simulator.certificates().clientContext()).build();
            String base = simulator.baseUrl() + "/hosted-lika/management/lika/" + simulator.publisherCode();
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/methode"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"id\": \"leeslab\", \"naam\": \"Leeslab\", \"url\": \"https://leeslab.example\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/methode/leeslab/product"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"id\": \"leeslab-5\", \"naam\": \"Leeslab 5\", \"url\": \"https://leeslab.example/5\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A TLS server with the simulator's certificate that accepts every handshake, reads the request and answers with a
     * connection reset (an overloaded or crashing server).
     */
    static final class ResettingServer implements AutoCloseable {
        private final javax.net.ssl.SSLServerSocket socket;
        private final Thread acceptor;

        ResettingServer(javax.net.ssl.SSLContext context) throws java.io.IOException {
            socket = (javax.net.ssl.SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 16,
                    java.net.InetAddress.getLoopbackAddress());
            socket.setWantClientAuth(true);
            acceptor = Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        java.net.Socket client = socket.accept();
                        Thread.ofVirtual().start(() -> {
                            try (client) {
                                client.getInputStream().read(); // the handshake, then the first bytes of the request
                                client.setSoLinger(true, 0); // close with a reset
                            } catch (java.io.IOException ignored) {
                                // the client went away first
                            }
                        });
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            acceptor.join();
        }
    }

    /** Consent days are Amsterdam days. */
    static final class BasispoortWorldClock {
        static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Amsterdam");
    }
}
