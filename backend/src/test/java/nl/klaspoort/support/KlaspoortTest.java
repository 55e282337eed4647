package nl.klaspoort.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the real application: a server on a random port, a real (embedded) PostgreSQL in a fresh data
 * directory, Flyway migrations and the demo data as fixture, a clock tests can move ({@link TestClock}) and the
 * Basispoort simulator ({@link TestBasispoort}). All tests with this annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "klaspoort.embedded-db.data-dir=${java.io.tmpdir}/klaspoort-test-${random.uuid}/pgdata",
        "klaspoort.embedded-db.clean=true",
        "klaspoort.demo-data.enabled=true",
        "klaspoort.hosted-licences.push-every=0",
        "vaadin.productionMode=true",
        "klaspoort.security.allowed-origins=https://klaspoort.example.org",
        "klaspoort.tokens.key-encryption-key-file=${java.io.tmpdir}/klaspoort-test-${random.uuid}/token-signing.kek"})
@Import({SqlStatementCounter.Configuration.class, TestClock.Configuration.class, Fixtures.Configuration.class,
        PublishedEvents.Configuration.class, TestMail.Configuration.class})
@ContextConfiguration(initializers = TestBasispoort.Initializer.class)
public @interface KlaspoortTest {
}
