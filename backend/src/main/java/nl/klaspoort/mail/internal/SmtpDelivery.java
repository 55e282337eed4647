package nl.klaspoort.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import nl.klaspoort.mail.RenderedMail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands one rendered mail to the SMTP server of {@code spring.mail.*}: multipart/alternative (text, then HTML), UTF-8,
 * {@code Content-Language} and {@code Auto-Submitted: auto-generated} (so out-of-office replies stay away). Nothing
 * about the recipient is logged.
 */
@Component
@EnableConfigurationProperties(MailProperties.class)
class SmtpDelivery {

    /**
     * The mail could not be handed over; {@code permanent} when trying again cannot help (a malformed address). The
     * SMTP library's own exception is not kept: its message may name the recipient.
     */
    static final class DeliveryFailed extends RuntimeException {
        final boolean permanent;

        DeliveryFailed(String message, boolean permanent) {
            super(message);
            this.permanent = permanent;
        }
    }

    private final ObjectProvider<JavaMailSender> sender;
    private final MailProperties properties;

    SmtpDelivery(ObjectProvider<JavaMailSender> sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    void deliver(String to, RenderedMail mail) {
        JavaMailSender smtp = sender.getIfAvailable();
        // an empty spring.mail.host (production's default) still makes Boot create a sender, aimed at nothing
        if (smtp == null || smtp instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank())) {
            throw new DeliveryFailed("no SMTP server configured (spring.mail.host)", false);
        }
        MimeMessage message = smtp.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(to);
            if (mail.replyTo() != null) {
                helper.setReplyTo(mail.replyTo());
            }
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            message.setContentLanguage(new String[] {mail.language().getLanguage()});
            message.setHeader("Auto-Submitted", "auto-generated");
        } catch (MessagingException | IllegalArgumentException e) {
            throw new DeliveryFailed("mail cannot be composed: " + e.getClass().getSimpleName(), true);
        }
        try {
            smtp.send(message);
        } catch (MailException e) {
            throw new DeliveryFailed("SMTP server refused or unreachable: " + e.getClass().getSimpleName(), false);
        }
    }
}
