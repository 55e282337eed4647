package nl.klaspoort.security;

import nl.klaspoort.support.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Password guessing (issue 10, item 3): at {@code /login} and {@code /oauth2/token} the right secret after twenty
 * wrong ones is refused too, per account and per IP address, and every failure is a security event in the log that
 * names the account by id only. Each test uses its own account and its own client address (as a TLS proxy reports it
 * in X-Forwarded-For), so the throttle of one test never touches another.
 */
@ExtendWith(OutputCaptureExtension.class)
class BruteForceTest extends ApplicationTest {

    private static String someAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private HttpResponse<String> login(String ip, String username, String password) {
        return Sessions.attemptFrom(port, ip, username, password);
    }

    private HttpResponse<String> token(String ip, String clientId, String secret) {
        try {
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic).header("X-Forwarded-For", ip)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=results.read")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String freshAccount() {
        return fixture.school().withAdmin().create().adminEmail();
    }

    @Test
    void twentyWrongPasswordsThenTheRightOneIsRefused(CapturedOutput output) {
        String account = freshAccount();
        String ip = someAddress();
        int refusedAfter = -1;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = login(ip, account, "Verkeerd" + i);
            if (response.statusCode() == 429 && refusedAfter < 0) {
                refusedAfter = i;
            }
            assertThat(response.statusCode()).isIn(401, 429);
        }
        assertThat(refusedAfter).as("throttled after the first few attempts").isBetween(3, 10);
        HttpResponse<String> right = login(ip, account, Sessions.PROFESSIONAL_PASSWORD);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.body()).contains("TOO_MANY_ATTEMPTS").doesNotContain("\"ok\":true");
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        // from another address the account is still throttled: it is the account that is under attack
        assertThat(login(someAddress(), account, Sessions.PROFESSIONAL_PASSWORD).statusCode()).isEqualTo(429);

        long id = jdbc.sql("select id from app_user where email = :e").param("e", account).query(Long.class).single();
        assertThat(output.getOut()).contains("event=LOGIN_FAILED user=" + id + " ip=" + ip + " reason=BAD_CREDENTIALS")
                .contains("event=LOGIN_THROTTLED ip=" + ip)
                .doesNotContain(account).doesNotContain("Verkeerd1").doesNotContain(Sessions.PROFESSIONAL_PASSWORD);
    }

    @Test
    void aSuccessfulLoginForgetsEarlierTyposAndIsLoggedToo(CapturedOutput output) {
        String account = freshAccount();
        String ip = someAddress();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 3; i++) {
                assertThat(login(ip, account, "Typfout" + i).statusCode()).isEqualTo(401);
            }
            assertThat(login(ip, account, Sessions.PROFESSIONAL_PASSWORD).statusCode()).isEqualTo(200);
        }
        long id = jdbc.sql("select id from app_user where email = :e").param("e", account).query(Long.class).single();
        assertThat(output.getOut()).contains("event=LOGIN_SUCCEEDED user=" + id + " ip=" + ip).doesNotContain(account);
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottled(CapturedOutput output) {
        String ip = someAddress();
        int status = 401;
        int tried = 0;
        while (status == 401 && tried < 500) {
            status = login(ip, "niemand." + UUID.randomUUID() + "@example.org", "Raden123").statusCode();
            tried++;
        }
        assertThat(status).isEqualTo(429);
        assertThat(tried).as("a school's pupils share one address: many failures are allowed first").isGreaterThan(50);
        // a real user at that address waits too; the same user elsewhere does not
        assertThat(login(ip, Sessions.DIRECTOR_BOTH, Sessions.PROFESSIONAL_PASSWORD).statusCode()).isEqualTo(429);
        assertThat(login(someAddress(), Sessions.DIRECTOR_BOTH, Sessions.PROFESSIONAL_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(output.getOut()).contains("event=LOGIN_FAILED user=unknown ip=" + ip).doesNotContain("@example.org");
    }

    @Test
    void guessingAClientSecretIsThrottledAndLogged(CapturedOutput output) {
        String clientId = "guess-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "geheim-" + UUID.randomUUID();
        jdbc.sql("""
                insert into product_client (client_id, product_id, name, secret_hash, scopes)
                select :id, id, 'Guessing test', :hash, 'results.read' from product where code = 'LEESLAB'
                """).param("id", clientId)
                .param("hash", PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(secret)).update();
        String ip = someAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(token(ip, clientId, "fout-" + i).statusCode()).isIn(401, 429);
        }
        HttpResponse<String> right = token(ip, clientId, secret);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.body()).doesNotContain("access_token");
        assertThat(token(someAddress(), ProductTokens.LEESLAB[0], ProductTokens.LEESLAB[1]).statusCode()).isEqualTo(200);
        assertThat(output.getOut()).contains("event=TOKEN_REQUEST_FAILED client=" + clientId + " ip=" + ip)
                .contains("event=TOKEN_REQUEST_THROTTLED ip=" + ip).doesNotContain("fout-1");
    }

    @Test
    void refusedAuthorisationsAreSecurityEvents(CapturedOutput output) {
        long regenboog = jdbc.sql("select id from school where brin = '12AB'").query(Long.class).single();
        long supervisor = jdbc.sql("select id from app_user where email = :e").param("e", Sessions.SUPERVISOR_REGENBOOG)
                .query(Long.class).single();
        // the user list is for admins only
        Sessions.tester(port, Sessions.SUPERVISOR_REGENBOOG).document("{ school(id: \"" + regenboog + "\") { users { totalCount } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        assertThat(output.getOut()).contains("event=ACCESS_REFUSED caller=user:" + supervisor + " reason=FORBIDDEN field=/school/users")
                .doesNotContain(Sessions.SUPERVISOR_REGENBOOG);
    }

    /** The demo clients, as in the product API tests. */
    private static final class ProductTokens {
        static final String[] LEESLAB = nl.klaspoort.productclient.ProductTokens.LEESLAB;
    }
}
