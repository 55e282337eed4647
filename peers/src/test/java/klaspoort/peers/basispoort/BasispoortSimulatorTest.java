package klaspoort.peers.basispoort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import klaspoort.peers.tls.Certificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator answers the Basispoort paths and fields over mutual TLS, and its world changes through control. */
class BasispoortSimulatorTest {

    @TempDir
    static Path certificates;
    static BasispoortSimulator simulator;
    static HttpClient client;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final long KLIMOP = WorldGenerator.DEMO_SCHOOL_ID;
    static final long WEGWIJZER = WorldGenerator.NO_CONSENT_SCHOOL_ID;

    @BeforeAll
    static void start() {
        simulator = BasispoortSimulator.builder().certificates(certificates)
                .world(world -> WorldGenerator.demo(world, 7)).start();
        client = client(simulator.certificates().clientContext());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void certificatesArePkcs12WithOwnerOnlyPasswordsBesideThem() throws Exception {
        for (String name : List.of("ca", "truststore", "server", "client")) {
            assertThat(certificates.resolve(name + ".p12")).exists();
            Path password = certificates.resolve(name + ".p12.password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
            assertThat(simulator.certificates().store(name).load().size()).isPositive();
        }
        assertThat(simulator.certificates().store("client").load().isKeyEntry("client")).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certificates))).isEqualTo("rwx------");
        Certificates again = Certificates.ensure(certificates, "other");
        assertThat(again.store("client").password()).isEqualTo(simulator.certificates().store("client").password());
    }

    @Test
    void aClientWithoutCertificateIsRefused() {
        HttpClient anonymous = client(simulator.certificates().anonymousClientContext());

        assertThatThrownBy(() -> anonymous.send(HttpRequest.newBuilder(url("/rest/v2/instellingen")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void listsOnlySchoolsThatGaveConsent() throws Exception {
        assertThat(get("/rest/v2/instellingen")).isEqualTo(JSON.readTree("[" + KLIMOP + "]"));
        assertThat(status("GET", "/rest/v2/instellingen/" + WEGWIJZER + "/leerlingen")).isEqualTo(403);
        assertThat(status("GET", "/rest/v2/instellingen/999")).isEqualTo(404);
        assertThat(get("/rest/v2/instellingen/" + WEGWIJZER + "/uitgever/synchronizationpermission?request-permission=false"))
                .isEqualTo(JSON.readTree("{\"hasSynchronizationPermission\": false}"));
        assertThat(simulator.world().permissionWasRequested(WEGWIJZER)).isFalse();
    }

    @Test
    void demoSchoolHasTwoHundredPupilsInGroupsOneToEight() throws Exception {
        JsonNode details = get("/rest/v2/instellingen/" + KLIMOP + "/details");
        assertThat(details.get("brincode").asString()).isEqualTo("99KP");
        assertThat(details.get("dependancecode").asString()).isEqualTo("00");
        for (String field : List.of("naam", "straat", "huisnummer", "huisnummertoevoeging", "postcode", "woonplaats",
                "schoolkey", "instellingRef", "bestuurscode", "actief", "gefuseerdNaar", "metaResult")) {
            assertThat(details.has(field)).as(field).isTrue();
        }

        JsonNode overview = get("/rest/v2/instellingen/" + KLIMOP);
        assertThat(overview.get("leerlingen")).hasSize(200);
        assertThat(overview.get("groepen")).hasSize(8);
        assertThat(overview.get("subgroepen")).hasSize(1);
        assertThat(overview.get("medewerkers")).hasSize(10);
        assertThat(overview.get("actief").asBoolean()).isTrue();
        assertThat(overview.get("gefuseerdNaar").isNull()).isTrue();
        JsonNode pupil = overview.get("leerlingen").get(1);
        assertThat(pupil.get("eckid").asString()).matches("https://ketenid\\.nl/201703/[0-9a-f]{128}");
        assertThat(pupil.get("persoonsgegevens").has("voorvoegsel")).isTrue();
        assertThat(pupil.get("groep").asString()).isEqualTo("G1");
        JsonNode staff = get("/rest/v2/instellingen/" + KLIMOP + "/staf").get("medewerkers");
        assertThat(staff.get(8).get("rollen").toString()).contains("ICTCoordinator");
        assertThat(get("/rest/v2/instellingen/" + KLIMOP + "/groepen").get("groepen").get(4).get("jaargroep").asString())
                .isEqualTo("5");
        assertThat(get("/rest/v2/instellingen/" + KLIMOP + "/ref").asString()).isNotBlank();
        assertThat(overview.get("metaResult").get("mutationTimestamp").asString()).endsWith("Z");
    }

    @Test
    void pupilsByIdAndByEckIdArePostedInTheBody() throws Exception {
        List<Api.Leerling> pupils = simulator.world().pupils(KLIMOP);
        JsonNode byId = post("/rest/v2/instellingen/" + KLIMOP + "/leerlingen",
                "[" + pupils.get(3).id() + "," + pupils.get(5).id() + "]");
        assertThat(byId.get("leerlingen")).hasSize(2);
        JsonNode byEck = post("/rest/v2/instellingen/" + KLIMOP + "/leerlingen_eckid",
                JSON.writeValueAsString(List.of(pupils.get(7).eckid())));
        assertThat(byEck.get("leerlingen").get(0).get("id").asLong()).isEqualTo(pupils.get(7).id());
    }

    @Test
    void mutationTimestampMovesOnlyWhenTheSchoolChanges() throws Exception {
        Instant before = Instant.parse(get("/rest/v2/instellingen/" + KLIMOP + "/details").get("metaResult")
                .get("mutationTimestamp").asString());
        assertThat(Instant.parse(get("/rest/v2/instellingen/" + KLIMOP + "/leerlingen").get("metaResult")
                .get("mutationTimestamp").asString())).isEqualTo(before);

        Api.Leerling pupil = simulator.world().pupils(KLIMOP).getFirst();
        simulator.world().changePupil(KLIMOP, new Api.Leerling(pupil.id(), pupil.eckid(), pupil.lasKey(),
                pupil.persoonsgegevens(), "2", "G2", List.of()));

        Instant after = Instant.parse(get("/rest/v2/instellingen/" + KLIMOP).get("metaResult")
                .get("mutationTimestamp").asString());
        assertThat(after).isAfter(before);
    }

    @Test
    void consentPerDayAndTheControlApi() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        URI control = simulator.controlUrl();
        String created = plain.send(HttpRequest.newBuilder(URI.create(control + "/schools"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"naam\": \"OBS Het Anker\", \"brincode\": \"99KR\", "
                        + "\"dependancecode\": \"00\", \"consent\": false}")).build(), HttpResponse.BodyHandlers.ofString()).body();
        long id = JSON.readTree(created).get("id").asLong();

        send(plain, "POST", control + "/schools/" + id + "/consent", "{\"granted\": true, \"day\": \"2026-11-30\"}");
        assertThat(get("/rest/v2/instellingen/synchronizationpermission/toegekend/2026-11-30").toString())
                .isEqualTo("[" + id + "]");
        assertThat(get("/rest/v2/instellingen").toString()).contains(String.valueOf(id));

        send(plain, "POST", control + "/schools/" + id + "/consent", "{\"granted\": false, \"day\": \"2026-12-01\"}");
        assertThat(get("/rest/v2/instellingen/synchronizationpermission/ingetrokken/2026-12-01").toString())
                .isEqualTo("[" + id + "]");
        assertThat(status("GET", "/rest/v2/instellingen/" + id)).isEqualTo(403);

        send(plain, "POST", control + "/schools/" + id + "/consent", "{\"granted\": true}");
        String pupil = send(plain, "POST", control + "/schools/" + id + "/pupils", "{\"lasKey\": \"A1\", "
                + "\"persoonsgegevens\": {\"achternaam\": \"Berg\", \"voorvoegsel\": \"van den\", \"voornaam\": \"Emma\"}, "
                + "\"jaargroep\": \"0\"}");
        assertThat(JSON.readTree(pupil).get("id").asLong()).isPositive();
        send(plain, "POST", control + "/schools/" + id + "/merge", "{\"into\": " + KLIMOP + "}");
        JsonNode overview = get("/rest/v2/instellingen/" + id);
        assertThat(overview.get("gefuseerdNaar").asLong()).isEqualTo(KLIMOP);
        assertThat(overview.get("actief").asBoolean()).isFalse();
        assertThat(overview.get("leerlingen").get(0).get("jaargroep").asString()).isEqualTo("0");
        assertThat(send(plain, "GET", control + "/requests", null)).contains("GET /rest/v2/instellingen/{id}");
    }

    @Test
    void requestedFailuresAnswerTheirStatusThenRecover() throws Exception {
        simulator.world().failNext(2, 503, "/rest/v2/instellingen/" + KLIMOP + "/staf");

        assertThat(status("GET", "/rest/v2/instellingen/" + KLIMOP + "/staf")).isEqualTo(503);
        assertThat(status("GET", "/rest/v2/instellingen/" + KLIMOP + "/staf")).isEqualTo(503);
        assertThat(status("GET", "/rest/v2/instellingen/" + KLIMOP + "/staf")).isEqualTo(200);
    }

    @Test
    void hostedLicencesAreRecorded() throws Exception {
        String lika = "/hosted-lika/management/lika/klaspoort";
        assertThat(status("POST", lika + "/methode", "{\"id\": \"leeslab\", \"naam\": \"Leeslab\", "
                + "\"url\": \"https://leeslab.example\"}")).isEqualTo(201);
        assertThat(status("POST", lika + "/methode/leeslab/product", "{\"id\": \"leeslab-5\", \"naam\": \"Leeslab 5\", "
                + "\"url\": \"https://leeslab.example/5\"}")).isEqualTo(201);
        assertThat(get(lika + "/methode").get("methodes").get(0).get("naam").asString()).isEqualTo("Leeslab");

        assertThat(status("POST", lika + "/permissions/grant", "{\"methodes\": [\"leeslab\"], \"producten\": "
                + "[\"leeslab-5\"], \"gebruikers\": [5000001, 5000002], \"gebruikerEckIds\": [{\"instellingId\": "
                + KLIMOP + ", \"eckId\": \"https://ketenid.nl/201703/ab\"}]}")).isEqualTo(204);
        assertThat(status("POST", lika + "/permissions/revoke", "{\"producten\": [\"leeslab-5\"], "
                + "\"gebruikers\": [5000002]}")).isEqualTo(204);
        assertThat(status("POST", lika + "/methode/leeslab/gebruiker/addlist", "{\"gebruikers\": [5000003]}"))
                .isEqualTo(204);
        assertThat(status("POST", lika + "/permissions/grant", "{\"producten\": [\"onbekend\"], \"gebruikers\": [1]}"))
                .isEqualTo(404);

        assertThat(simulator.world().likaUsers("product/leeslab-5")).containsExactly(5_000_001L);
        assertThat(simulator.world().likaUsers("methode/leeslab")).containsExactlyInAnyOrder(5_000_001L, 5_000_002L, 5_000_003L);
        assertThat(get(lika + "/methode/leeslab/gebruiker_eckid").get("gebruikers").get(0).get("eckId").asString())
                .endsWith("/ab");
        assertThat(simulator.world().likaPushes()).extracting(BasispoortWorld.LikaPush::operation)
                .containsExactly("GRANT", "REVOKE", "ADD");
        assertThat(status("GET", "/hosted-lika/management/lika/andere-uitgever/methode")).isEqualTo(403);
    }

    @Test
    void edexmlFileReplacesASchoolsRoster(@TempDir Path dir) throws Exception {
        BasispoortWorld world = new BasispoortWorld(Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC));
        long id = world.addSchool(new BasispoortWorld.SchoolInfo("Voorbeeld", null, null, null, null, null, "99ZZ", "00",
                null, null), true);
        try (InputStream in = getClass().getResourceAsStream("/samples/EDEXML.Voorbeeld.2.1.xml")) {
            assertThat(in).isNotNull();
            world.loadRoster(id, new nl.klaspoort.edexml.EdexmlReader().read(in).snapshot());
        }
        assertThat(world.pupils(id)).extracting(Api.Leerling::lasKey).containsExactly("00001", "00002");
        assertThat(world.pupils(id).getFirst().subgroepen()).containsExactly("sg1", "sg2");
        assertThat(world.staff(id)).hasSize(3);
        assertThat(world.staff(id).get(1).subgroepen()).containsExactly("sg1", "sg2", "sg3");
        assertThat(world.staff(id).get(1).rollen()).isEqualTo(Set.of("Leerkracht"));
        assertThat(LocalDate.now(world.clock().withZone(BasispoortWorld.AMSTERDAM))).isEqualTo("2026-12-01");
    }

    // ---- helpers ----

    static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder().sslContext(context).build();
    }

    static URI url(String path) {
        return URI.create(simulator.baseUrl() + path);
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static int status(String method, String path) throws Exception {
        return status(method, path, null);
    }

    static int status(String method, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(url(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String send(HttpClient plain, String method, String url, String body) throws Exception {
        HttpResponse<String> response = plain.send(HttpRequest.newBuilder(URI.create(url)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return response.body();
    }
}
