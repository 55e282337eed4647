package nl.klaspoort.support;

import klaspoort.peers.mail.MailCatcher;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP server of the tests: one mail catcher (GreenMail) on loopback for the test JVM, which the application's
 * {@link JavaMailSender} sends to. Mails of all tests arrive here; find yours by recipient
 * ({@code TestMail.catcher().awaitMail(MailCatcher.to(address), …)}).
 */
public final class TestMail {

    private static final MailCatcher CATCHER = MailCatcher.builder().inboxPort(-1).start();

    private TestMail() {}

    public static MailCatcher catcher() {
        return CATCHER;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        JavaMailSender testMailSender() {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(CATCHER.smtpPort());
            return sender;
        }
    }
}
