package nl.klaspoort.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import klaspoort.peers.mail.MailCatcher;
import nl.klaspoort.KlaspoortApplication;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox across a restart: a mail committed while the SMTP server is away waits in the database, the application
 * stops, and after it starts again the mail goes out — once; a rolled-back change sends nothing, before or after.
 */
class OutboxRestartTest {

    static final Mail MAIL = new Mail.PasswordReset("Ans", URI.create("https://klaspoort.example/r#geheim"),
            Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    @DisplayName("a mail committed before a stop is sent after the restart; a rolled-back one never")
    void noMailIsLostAcrossARestartAndNoneIsSentForARollback(@TempDir Path dataDir) throws IOException {
        int smtpPort = freePort();
        try (ConfigurableApplicationContext first = start(dataDir, smtpPort)) {
            Mailer mailer = first.getBean(Mailer.class);
            TransactionTemplate tx = new TransactionTemplate(first.getBean(PlatformTransactionManager.class));
            tx.executeWithoutResult(status -> mailer.send("herstart@school.example", MAIL, Locale.of("nl")));
            tx.executeWithoutResult(status -> {
                mailer.send("teruggedraaid@school.example", MAIL, Locale.of("nl"));
                status.setRollbackOnly();
            });
            assertThat(waiting(first)).as("only the committed mail waits in the outbox").isEqualTo(1);
        }
        try (MailCatcher smtp = MailCatcher.builder().smtpPort(smtpPort).inboxPort(-1).start();
                ConfigurableApplicationContext second = start(dataDir, smtpPort)) {
            assertThat(smtp.awaitMail(MailCatcher.to("herstart@school.example"), Duration.ofSeconds(60)).subject())
                    .isEqualTo("Nieuw wachtwoord instellen voor Klaspoort");
            TransactionTemplate tx = new TransactionTemplate(second.getBean(PlatformTransactionManager.class));
            tx.executeWithoutResult(status -> second.getBean(Mailer.class)
                    .send("daarna@school.example", MAIL, Locale.ENGLISH));
            smtp.awaitMail(MailCatcher.to("daarna@school.example"), Duration.ofSeconds(60));
            assertThat(smtp.mails(MailCatcher.to("herstart@school.example"))).as("sent once").hasSize(1);
            assertThat(smtp.mails(MailCatcher.to("teruggedraaid@school.example"))).isEmpty();
        }
    }

    private static int waiting(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("""
                        select count(*) from event_publication
                         where completion_date is null and event_type like '%MailRequested'
                        """).query(Integer.class).single();
    }

    private static ConfigurableApplicationContext start(Path dataDir, int smtpPort) {
        // as command-line arguments: they win over application.yml (default properties would not)
        return new SpringApplicationBuilder(KlaspoortApplication.class).run(
                "--server.port=0",
                "--klaspoort.embedded-db.data-dir=" + dataDir.resolve("pgdata"),
                "--klaspoort.demo-data.enabled=false",
                "--vaadin.productionMode=true",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                // only the restart may resend: no scheduled retry within this test
                "--klaspoort.mail.retry-every=PT1H");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
