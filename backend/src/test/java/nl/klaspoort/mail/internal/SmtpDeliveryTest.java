package nl.klaspoort.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import klaspoort.peers.mail.CaughtMail;
import klaspoort.peers.mail.MailCatcher;
import nl.klaspoort.mail.Mail;
import nl.klaspoort.mail.MailTemplates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Klaspoort's own {@code application.yml} sends through real SMTP on loopback (the mail catcher peer): both bodies,
 * the language, the sender and Reply-To arrive; failures say whether a retry can help, and never name the recipient.
 */
class SmtpDeliveryTest {

    static MailCatcher catcher;

    @BeforeAll
    static void start() {
        catcher = MailCatcher.builder().inboxPort(-1).start();
    }

    @AfterAll
    static void stop() {
        catcher.close();
    }

    ApplicationContextRunner app(String... properties) {
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
                .withUserConfiguration(SmtpDelivery.class, TemplateRenderer.class)
                .withPropertyValues(properties);
    }

    @Test
    void defaultConfigurationDeliversBothBodiesToTheSmtpServer() {
        app("KLASPOORT_MAIL_SMTP_PORT=" + catcher.smtpPort()).run(context -> {
            MailTemplates templates = context.getBean(MailTemplates.class);
            var rendered = templates.render(new Mail.ContactToHelpdesk("KP-7", "Ans de Vries", "ans@school.example",
                    "OBS De Regenboog", "99DR", "Leeslab", "Vraag over één leerling", "Hallo", Instant.now()), Locale.of("nl"));
            context.getBean(SmtpDelivery.class).deliver("helpdesk@klaspoort.nl", rendered);

            CaughtMail mail = catcher.awaitMail(MailCatcher.to("helpdesk@klaspoort.nl"), Duration.ofSeconds(10));
            assertThat(mail.subject()).isEqualTo("[KP-7] Vraag over één leerling");
            assertThat(mail.from()).isEqualTo("noreply@klaspoort.nl");
            assertThat(mail.replyTo()).isEqualTo("ans@school.example");
            assertThat(mail.language()).isEqualTo("nl");
            assertThat(mail.text()).isEqualToIgnoringNewLines(rendered.text());
            assertThat(mail.html()).isEqualToIgnoringNewLines(rendered.html());

            var activation = templates.render(new Mail.Activation("Bram", "OBS De Regenboog",
                    URI.create("http://localhost:8080/wachtwoord-instellen?token=abc"), Instant.now()), Locale.ENGLISH);
            context.getBean(SmtpDelivery.class).deliver("bram@school.example", activation);
            CaughtMail english = catcher.awaitMail(MailCatcher.to("bram@school.example"), Duration.ofSeconds(10));
            assertThat(english.language()).isEqualTo("en");
            assertThat(english.replyTo()).isNull();
            assertThat(english.links()).contains("http://localhost:8080/wachtwoord-instellen?token=abc");
        });
    }

    @Test
    void anUnreachableServerIsWorthARetryAMalformedAddressIsNot() {
        var mail = new TemplateRenderer().render(new Mail.PasswordReset("A", URI.create("https://k.example/r"),
                Instant.now()), Locale.of("nl"));
        app("KLASPOORT_MAIL_SMTP_PORT=1").run(context -> assertThatThrownBy(() ->
                context.getBean(SmtpDelivery.class).deliver("geheim.adres@school.example", mail))
                .isInstanceOfSatisfying(SmtpDelivery.DeliveryFailed.class, e -> assertThat(e.permanent).isFalse())
                .hasMessageNotContaining("geheim"));
        app("KLASPOORT_MAIL_SMTP_PORT=" + catcher.smtpPort()).run(context -> assertThatThrownBy(() ->
                context.getBean(SmtpDelivery.class).deliver("geheim adres@@", mail))
                .isInstanceOfSatisfying(SmtpDelivery.DeliveryFailed.class, e -> assertThat(e.permanent).isTrue())
                .hasMessageNotContaining("geheim"));
    }

    @Test
    void productionWithoutAnSmtpServerRefusesToSendInsteadOfGuessing() {
        var mail = new TemplateRenderer().render(new Mail.PasswordReset("A", URI.create("https://k.example/r"),
                Instant.now()), Locale.of("nl"));
        app("spring.profiles.active=prod").run(context -> assertThatThrownBy(() ->
                context.getBean(SmtpDelivery.class).deliver("a@school.example", mail))
                .isInstanceOf(SmtpDelivery.DeliveryFailed.class).hasMessageContaining("no SMTP server configured"));
    }
}
