package klaspoort.peers.basispoort;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import klaspoort.peers.PeersApplication;
import klaspoort.peers.basispoort.Api.Leerling;
import klaspoort.peers.basispoort.Api.Persoonsgegevens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The peers application runs the simulator and the SSO provider side by side, sharing one world. */
class BasispoortPeersTest {

    @Test
    void theSsoProviderSignsInThePeopleOfTheSimulatorsWorld(@TempDir Path dir) throws Exception {
        try (ConfigurableApplicationContext peers = new SpringApplicationBuilder(PeersApplication.class).run(
                "--peers.dir=" + dir, "--peers.basispoort.port=0", "--peers.basispoort.control-port=-1",
                "--peers.basispoort-sso.port=0", "--peers.mail.enabled=false", "--spring.main.keep-alive=false")) {
            BasispoortWorld world = peers.getBean(BasispoortPeer.class).world();
            BasispoortSso sso = peers.getBean(BasispoortSsoPeer.class).sso();
            Leerling added = world.addPupil(WorldGenerator.DEMO_SCHOOL_ID, new Leerling(0, null, "L-x",
                    new Persoonsgegevens("Berg", "Daan", "van den", "D."), "6", "G6", List.of()));

            HttpResponse<String> signedIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sso.issuer()
                    + "/authorize?response_type=code&client_id=klaspoort&scope=openid&state=s&redirect_uri="
                    + URLEncoder.encode("http://localhost:8080/login/oauth2/code/basispoort", StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=daan." + added.id())).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(Files.readString(dir.resolve("basispoort-sso/client-secret"))).hasSize(48);
            assertThat(dir.resolve("basispoort/client.p12")).exists();
        }
    }
}
