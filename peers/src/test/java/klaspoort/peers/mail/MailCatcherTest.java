package klaspoort.peers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catcher takes mails over real SMTP on loopback and shows them through its Java API, inbox page and JSON. */
class MailCatcherTest {

    MailCatcher catcher;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        catcher = MailCatcher.builder().start();
    }

    @AfterEach
    void stop() {
        catcher.close();
    }

    @Test
    void keepsTextAndHtmlPartsPerRecipientInArrivalOrder() throws Exception {
        send("ans@school.example", "Wachtwoord instellen – één keer", "Klik: https://klaspoort.example/a?t=x1\n",
                "<p>Klik <a href=\"https://klaspoort.example/a?t=x1\">hier</a></p>");
        send("bram@school.example", "Tweede", "Twee", null);

        CaughtMail first = catcher.awaitMail(MailCatcher.to("ANS@school.example"), Duration.ofSeconds(5));
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.subject()).isEqualTo("Wachtwoord instellen – één keer");
        assertThat(first.from()).isEqualTo("noreply@klaspoort.example");
        assertThat(first.language()).isEqualTo("nl");
        assertThat(first.html()).contains("<a href=\"https://klaspoort.example/a?t=x1\">");
        assertThat(first.links()).containsExactly("https://klaspoort.example/a?t=x1");
        CaughtMail second = catcher.awaitMail(MailCatcher.to("bram@school.example"), Duration.ofSeconds(5));
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.html()).isNull();
        assertThat(catcher.mails()).hasSize(2);
    }

    @Test
    void awaitingEndsWhenTheMailArrivesAndFailsWhenNoneDoes() throws Exception {
        Thread.ofVirtual().start(() -> send("later@school.example", "Later", "x", null));
        assertThat(catcher.awaitMail(MailCatcher.to("later@school.example"), Duration.ofSeconds(10)).subject())
                .isEqualTo("Later");
        assertThatThrownBy(() -> catcher.awaitMail(MailCatcher.to("nobody@school.example"), Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Later → later@school.example");
    }

    @Test
    void inboxPageListsTheMailsAndShowsTheirLinksAndHtml() throws Exception {
        send("ans@school.example", "Activeer <uw> account", "Ga naar https://klaspoort.example/activeren?t=abc\n",
                "<p>Hallo</p>");
        catcher.awaitMail(MailCatcher.to("ans@school.example"), Duration.ofSeconds(5));

        HttpResponse<String> list = get("");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Activeer &lt;uw&gt; account", "href=\"/mails/1\"", "ans@school.example");
        HttpResponse<String> detail = get("mails/1");
        assertThat(detail.body()).contains(
                "<a href=\"https://klaspoort.example/activeren?t=abc\">https://klaspoort.example/activeren?t=abc</a>",
                "href=\"/mails/1/html\"");
        HttpResponse<String> html = get("mails/1/html");
        assertThat(html.body()).isEqualTo("<p>Hallo</p>");
        assertThat(html.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).startsWith("default-src 'none'"));
        assertThat(get("mails/2").statusCode()).isEqualTo(404);

        JsonNode json = JsonMapper.builder().build().readTree(get("api/mails").body());
        assertThat(json.get(0).get("subject").asString()).isEqualTo("Activeer <uw> account");
        assertThat(json.get(0).get("to").asString()).isEqualTo("ans@school.example");
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(catcher.inboxUrl().resolve("api/mails"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(catcher.mails()).isEmpty();
        assertThat(get("").body()).contains("Nog geen e-mails ontvangen.");
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(catcher.inboxUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(catcher.smtpPort()).isPositive();
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = catcher.inboxUrl().resolve(path);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void send(String to, String subject, String text, String html) {
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(catcher.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress("noreply@klaspoort.example"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, "UTF-8");
            message.setContentLanguage(new String[] {"nl"});
            if (html == null) {
                message.setText(text, "UTF-8");
            } else {
                MimeBodyPart plain = new MimeBodyPart();
                plain.setText(text, "UTF-8");
                MimeBodyPart rich = new MimeBodyPart();
                rich.setText(html, "UTF-8", "html");
                message.setContent(new MimeMultipart("alternative", plain, rich));
            }
            Transport.send(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
