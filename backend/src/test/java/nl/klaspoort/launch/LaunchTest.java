package nl.klaspoort.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import nl.klaspoort.access.Role;
import nl.klaspoort.platform.Amsterdam;
import nl.klaspoort.support.Fixtures;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import nl.klaspoort.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Tiles and launch (D2, D3, A5): a pupil's tiles are exactly the products with a valid licence, a launch gives a
 * two-minute token that verifies against Klaspoort's published keys (JWKS) and names the pupil, school and product; no
 * licence (ended at once, or its contract ended) means no tile and no launch; professionals get tiles to supervisor
 * environments and never a launch token; pupils see no school figures.
 */
@KlaspoortTest
class LaunchTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Value("${klaspoort.tokens.issuer}")
    String issuer;

    TestSchool school;
    long pupil;
    long leeslabContract;
    long spellingContract;
    HttpGraphQlTester asPupil;

    @BeforeEach
    void aPupilWithTwoLicensedProductsAndAnEnrollmentWithout() {
        school = fixtures.school().withAdmin().withSupervisors(1).create();
        leeslabContract = fixtures.contract(school.id(), school.leeslab(), "SCHOOL_WIDE", 30, fixtures.today().minusMonths(4), null);
        spellingContract = fixtures.contract(school.id(), school.spelling(), "PER_STUDENT", 30, fixtures.today().minusMonths(4),
                fixtures.today().plusMonths(2));
        pupil = fixtures.student(school.id(), "Lotte", "van", "Dijk", 6, "6A");
        fixtures.enroll(school, pupil, school.leeslab(), school.supervisorA());
        fixtures.enroll(school, pupil, school.spelling(), school.supervisorA());
        fixtures.enroll(school, pupil, school.rekenen(), school.supervisorA()); // no contract, no licence
        fixtures.licence(leeslabContract, pupil, fixtures.today().minusMonths(1), null);
        fixtures.licence(spellingContract, pupil, fixtures.today().minusMonths(1), null);
        asPupil = Sessions.tester(port, fixtures.username(pupil));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    @DisplayName("D3: a pupil sees tiles (icon and name) of exactly their licensed products, in a constant number of statements")
    void aPupilsTilesAreTheLicensedProducts() {
        SqlStatementCounter.reset();
        assertThat(tiles(asPupil)).containsExactly("LEESLAB", "SPELLINGSTER");
        assertThat(SqlStatementCounter.count()).as("school, roles twice, licensed products").isLessThanOrEqualTo(4);
        asPupil.documentName("launch").operationName("MyProducts").variable("schoolId", school.schoolId()).execute()
                .path("school.myProducts[0].icon").entity(String.class).isEqualTo("book");
    }

    @Test
    @DisplayName("D3: a launch token is signed with the published keys, names pupil, school and product, lives two minutes, unique per launch")
    void theLaunchTokenVerifiesAgainstTheJwks() {
        SqlStatementCounter.reset();
        Map<String, Object> launch = launch(school.leeslab()).path("productLaunch.launch").entity(OBJECT).get();
        assertThat(SqlStatementCounter.count()).as("roles, product, licence, person, school").isLessThanOrEqualTo(5);
        assertThat((String) launch.get("url")).endsWith("/leeslab/start");

        Jwt token = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks").build()
                .decode((String) launch.get("token"));
        assertThat(token.getSubject()).isEqualTo(Long.toString(pupil));
        assertThat(token.getAudience()).containsExactly("LEESLAB");
        assertThat(token.getIssuer().toString()).isEqualTo(issuer);
        assertThat(token.getClaimAsString("product")).isEqualTo("LEESLAB");
        assertThat(token.getClaimAsString("school")).isEqualTo(school.schoolId());
        assertThat(token.getClaimAsString("school_name")).isEqualTo(school.name());
        assertThat(token.getClaimAsString("name")).isEqualTo("Lotte van Dijk");
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(2));
        assertThat(token.getId()).isNotBlank();

        Jwt second = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks").build()
                .decode(launch(school.leeslab()).path("productLaunch.launch.token").entity(String.class).get());
        assertThat(second.getId()).as("each launch its own jti, so a product accepts each once").isNotEqualTo(token.getId());
    }

    @Test
    @DisplayName("D3: a token stamped by the clock expires two minutes later")
    void theTokenExpiresAfterTwoMinutes() {
        clock.moveTo(java.time.Instant.now().minus(Duration.ofMinutes(3)));
        String old = launch(school.leeslab()).path("productLaunch.launch.token").entity(String.class).get();
        clock.reset();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks").build();
        JwtTimestampValidator noSkew = new JwtTimestampValidator(Duration.ZERO);
        decoder.setJwtValidator(noSkew);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decoder.decode(old)).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
    }

    @Test
    @DisplayName("A3/A5: a licence ended at once takes the tile away and refuses the launch; so does the contract's end date")
    void noValidLicenceNoTileNoLaunch() {
        assertThat(errors(launch(school.rekenen()))).containsExactly("NO_VALID_LICENCE");
        HttpGraphQlTester admin = Sessions.tester(port, school.adminEmail());
        String licence = admin.documentName("contracts").operationName("ContractLicences").variable("schoolId", school.schoolId())
                .variable("contractId", Long.toString(leeslabContract)).execute()
                .path("school.contract.licences.edges[0].node.id").entity(String.class).get();
        admin.documentName("contracts").operationName("LicenceEnd").variable("input", Map.of("licenceId", licence)).execute()
                .path("licenceEnd.licence.status").entity(String.class).isEqualTo("ENDED");
        assertThat(tiles(asPupil)).containsExactly("SPELLINGSTER");
        GraphQlTester.Response refused = launch(school.leeslab());
        assertThat(errors(refused)).containsExactly("NO_VALID_LICENCE");
        refused.path("productLaunch.launch").valueIsNull();
        refused.path("productLaunch.errors[0].message").entity(String.class)
                .isEqualTo("U hebt geen geldige licentie voor Leeslab. Vraag uw leerkracht om hulp.");

        clock.moveTo(LocalDateTime.of(fixtures.today().plusMonths(2), java.time.LocalTime.MIDNIGHT).atZone(Amsterdam.ZONE).toInstant());
        assertThat(tiles(asPupil)).as("the Spellingster contract ended today").isEmpty();
        assertThat(errors(launch(school.spelling()))).containsExactly("NO_VALID_LICENCE");
    }

    @Test
    @DisplayName("D3: a pupil sees no school figures; professionals cannot launch as a pupil; another school's pupil is told nothing exists")
    void whoMayLaunch() {
        asPupil.documentName("schools").execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code")) && e.getPath().contains("counts")).verify();
        HttpGraphQlTester admin = Sessions.tester(port, school.adminEmail());
        admin.documentName("launch").operationName("ProductLaunch")
                .variable("input", Map.of("schoolId", school.schoolId(), "productId", Long.toString(school.leeslab()))).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        TestSchool other = fixtures.school().create();
        long stranger = fixtures.student(other.id(), "Stan", null, "Vreemd", 6, null);
        Sessions.tester(port, fixtures.username(stranger)).documentName("launch").operationName("ProductLaunch")
                .variable("input", Map.of("schoolId", school.schoolId(), "productId", Long.toString(school.leeslab()))).execute()
                .errors().expect(e -> "NOT_FOUND".equals(e.getExtensions().get("code"))).verify();
    }

    @Test
    @DisplayName("D2: professionals' tiles: every product of a running contract for an ADMIN, the assigned ones for a SUPERVISOR, with their supervisor environments")
    void professionalsTiles() {
        HttpGraphQlTester admin = Sessions.tester(port, school.adminEmail());
        assertThat(tiles(admin)).containsExactly("LEESLAB", "SPELLINGSTER");
        long teacher = fixtures.professional(school.id(), "Tom", "Leerkracht", Role.SUPERVISOR);
        fixtures.assign(school.id(), teacher, school.leeslab(), school.rekenen()); // Rekenroute has no contract
        HttpGraphQlTester supervisor = Sessions.tester(port, fixtures.email(teacher));
        List<Map<String, Object>> products = supervisor.documentName("launch").operationName("MyProducts")
                .variable("schoolId", school.schoolId()).execute().path("school.myProducts").entityList(OBJECT).get();
        assertThat(products).extracting(p -> p.get("code")).containsExactly("LEESLAB");
        assertThat((String) products.getFirst().get("supervisorUrl")).endsWith("/leeslab/begeleiders");
        long both = fixtures.professional(school.id(), "Ilse", "Intern", Role.ADMIN, Role.SUPERVISOR);
        assertThat(tiles(Sessions.tester(port, fixtures.email(both)))).containsExactly("LEESLAB", "SPELLINGSTER");
    }

    private List<String> tiles(HttpGraphQlTester tester) {
        return tester.documentName("launch").operationName("MyProducts").variable("schoolId", school.schoolId()).execute()
                .path("school.myProducts[*].code").entityList(String.class).get();
    }

    private GraphQlTester.Response launch(long product) {
        return asPupil.documentName("launch").operationName("ProductLaunch")
                .variable("input", Map.of("schoolId", school.schoolId(), "productId", Long.toString(product))).execute();
    }

    private static List<String> errors(GraphQlTester.Response response) {
        return response.path("productLaunch.errors[*].code").entityList(String.class).get();
    }
}
