package nl.klaspoort.mail;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The mails Klaspoort sends, each with the data its text needs. {@link MailTemplates} turns one into a subject, a
 * plain-text and an HTML body in the recipient's language. Links are absolute (the recipient clicks them outside the
 * app); tokens go in links, never names or addresses.
 */
public sealed interface Mail {

    /** B1, B4: a new professional sets their first password through a single-use link. */
    record Activation(String firstName, String schoolName, URI link, Instant expiresAt) implements Mail {}

    /** B1, S6: "Wachtwoord vergeten of wachtwoord instellen?" — a single-use link to choose a new password. */
    record PasswordReset(String firstName, URI link, Instant expiresAt) implements Mail {}

    /** B17: the password was changed or reset; {@code loginPage} offers the reset if it was not the user. */
    record PasswordChanged(String firstName, Instant changedAt, URI loginPage) implements Mail {}

    /**
     * Issue 10, item 9: a school added a professional who already has an account; they accept (or decline) through a
     * single-use link. Their login stays the same.
     */
    record Invitation(String firstName, String schoolName, URI link, Instant expiresAt) implements Mail {}

    /** A new login address is confirmed through a single-use link, sent to that new address. */
    record EmailChange(String firstName, String newAddress, URI link, Instant expiresAt) implements Mail {}

    /** The old login address is told that a change was asked for (the new address shown masked). */
    record EmailChangeNotice(String firstName, String newAddress) implements Mail {}

    /** S4: the sender's copy of a contact-form question, with its reference number. */
    record ContactCopy(String firstName, String reference, String subject, String productName, String message)
            implements Mail {}

    /** S4: the question for the helpdesk; replies go to the sender ({@link RenderedMail#replyTo()}). */
    record ContactToHelpdesk(String reference, String senderName, String senderEmail, String schoolName, String brin,
            String productName, String subject, String message, Instant sentAt) implements Mail {}

    /** X9: what a school's admin should fix, each point with a link to the screen that fixes it. */
    record HealthAlert(String firstName, String schoolName, List<Alert> alerts, URI dashboard) implements Mail {
        public HealthAlert {
            alerts = List.copyOf(alerts);
        }
    }

    /**
     * One point of a health alert.
     *
     * @param text already in the recipient's language, e.g. "12 leerlingen in groep 5 hebben geen product: koppel ze."
     * @param fix  the screen that fixes it
     */
    record Alert(String text, URI fix) {}

    /** X10: a supervisor's week: per product each pupil's practice time and who is due for a test. */
    record WeeklyDigest(String firstName, String schoolName, int weekYear, int week, LocalDate monday,
            List<ProductWeek> products, URI page, URI profile) implements Mail {
        public WeeklyDigest {
            products = List.copyOf(products);
        }
    }

    /** One product of a weekly digest. */
    record ProductWeek(String productName, List<PupilWeek> pupils) {
        public ProductWeek {
            pupils = List.copyOf(pupils);
        }
    }

    /** One pupil's week in one product (times rounded to minutes when shown). */
    record PupilWeek(String name, int gradeYear, Duration atSchool, Duration atHome, boolean testDue) {
        public Duration total() {
            return atSchool.plus(atHome);
        }
    }
}
