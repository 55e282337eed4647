package nl.klaspoort.mail.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the mails ({@code klaspoort.mail.*}); the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from     the sender of every mail, e.g. {@code Klaspoort <noreply@klaspoort.nl>}
 * @param helpdesk where contact-form questions go (S4)
 */
@ConfigurationProperties("klaspoort.mail")
record MailProperties(String from, String helpdesk) {}
