package nl.klaspoort.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import klaspoort.peers.basispoort.BasispoortSimulator;
import klaspoort.peers.basispoort.BasispoortSso;
import klaspoort.peers.basispoort.BasispoortWorld;
import klaspoort.peers.basispoort.WorldGenerator;
import klaspoort.peers.tls.Certificates;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The Basispoort simulator of the tests, in-process over real mutual TLS, started once per JVM with the demo world
 * (De Klimop, id 100001, BRIN 99KP with consent, as the demo data's activated school; De Wegwijzer, 100002, without).
 * Klaspoort's client is configured against it as in production ({@code klaspoort.basispoort.*}, the SSL bundle).
 * Tests add schools of their own to {@link #world()} (ids from {@link #nextSchoolId()}) and never change the demo's.
 * The nightly cron is off and a cut-off round is not resumed at start: tests run rounds themselves. Basispoort's single
 * sign-on runs beside it ({@link #sso()}) with the simulator's people.
 */
public final class TestBasispoort {

    private static BasispoortSimulator simulator;
    private static BasispoortSso sso;
    private static final String SSO_SECRET = "test-sso-" + java.util.UUID.randomUUID();
    private static long nextSchool = 300_001;

    private TestBasispoort() {}

    public static synchronized BasispoortSimulator simulator() {
        if (simulator == null) {
            try {
                Path certificates = Files.createTempDirectory("klaspoort-test-basispoort-");
                simulator = BasispoortSimulator.builder().certificates(certificates)
                        .world(world -> WorldGenerator.demo(world, 1)).start();
                Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return simulator;
    }

    /**
     * Basispoort's single sign-on, in-process (a real OpenID Connect provider, {@code mock-oauth2-server}) whose people
     * are the simulator's; Klaspoort's {@code basispoort} registration points at it.
     */
    public static synchronized BasispoortSso sso() {
        if (sso == null) {
            sso = BasispoortSso.builder().world(world()).clientSecret(SSO_SECRET).start();
            Runtime.getRuntime().addShutdownHook(new Thread(sso::close));
        }
        return sso;
    }

    public static BasispoortWorld world() {
        return simulator().world();
    }

    /** A Basispoort id for a school of a test's own. */
    public static synchronized long nextSchoolId() {
        return nextSchool++;
    }

    /**
     * Puts the client's settings into the environment before the context starts (the SSL bundle is read while the
     * context starts, too early for properties registered by a bean).
     */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            BasispoortSimulator s = simulator();
            Path dir = s.certificates().directory();
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("klaspoort.basispoort.base-url", s.baseUrl().toString());
            properties.put("klaspoort.basispoort.publisher-code", s.publisherCode());
            properties.put("spring.ssl.bundle.jks.basispoort.keystore.location", "file:" + dir.resolve("client.p12"));
            properties.put("spring.ssl.bundle.jks.basispoort.keystore.password",
                    new String(s.certificates().store(Certificates.CLIENT).password()));
            properties.put("spring.ssl.bundle.jks.basispoort.truststore.location", "file:" + dir.resolve("truststore.p12"));
            properties.put("spring.ssl.bundle.jks.basispoort.truststore.password",
                    new String(s.certificates().store(Certificates.TRUSTSTORE).password()));
            properties.put("spring.security.oauth2.client.provider.basispoort.issuer-uri", sso().issuer().toString());
            properties.put("spring.security.oauth2.client.registration.basispoort.client-secret", SSO_SECRET);
            properties.put("klaspoort.roster.nightly-cron", "-");
            properties.put("klaspoort.roster.resume-on-start", "false");
            properties.put("klaspoort.roster.retry-backoff", "5ms");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-basispoort", properties));
        }
    }
}
