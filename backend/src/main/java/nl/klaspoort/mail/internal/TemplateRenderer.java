package nl.klaspoort.mail.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.klaspoort.mail.Mail;
import nl.klaspoort.mail.MailTemplates;
import nl.klaspoort.mail.RenderedMail;
import nl.klaspoort.mail.internal.MailDocument.Block;
import nl.klaspoort.mail.internal.MailDocument.Button;
import nl.klaspoort.mail.internal.MailDocument.Fact;
import nl.klaspoort.mail.internal.MailDocument.Facts;
import nl.klaspoort.mail.internal.MailDocument.Heading;
import nl.klaspoort.mail.internal.MailDocument.Link;
import nl.klaspoort.mail.internal.MailDocument.Paragraph;
import nl.klaspoort.mail.internal.MailDocument.Point;
import nl.klaspoort.mail.internal.MailDocument.Points;
import nl.klaspoort.mail.internal.MailDocument.Quote;
import nl.klaspoort.mail.internal.MailDocument.Table;
import org.springframework.stereotype.Component;

/** Each mail's structure, once: which texts, in which order, with which button; the layouts make HTML and text of it. */
@Component
class TemplateRenderer implements MailTemplates {

    @Override
    public RenderedMail render(Mail mail, Locale language) {
        MailTexts t = MailTexts.of(language);
        MailDocument document = switch (mail) {
            case Mail.Activation m -> document(t, t.get("mail.activation.subject"),
                    t.get("mail.activation.preview", "school", m.schoolName()), m.firstName(),
                    p(t.get("mail.activation.intro", "school", m.schoolName())),
                    new Button(t.get("mail.activation.action"), m.link()),
                    p(t.get("mail.linkOnce", "expires", m.expiresAt())),
                    p(t.get("mail.passwordRule")),
                    p(t.get("mail.activation.expired")));
            case Mail.Invitation m -> document(t, t.get("mail.invitation.subject", "school", m.schoolName()),
                    t.get("mail.invitation.preview", "school", m.schoolName()), m.firstName(),
                    p(t.get("mail.invitation.intro", "school", m.schoolName())),
                    new Button(t.get("mail.invitation.action"), m.link()),
                    p(t.get("mail.linkOnce", "expires", m.expiresAt())),
                    p(t.get("mail.invitation.decline")),
                    p(t.get("mail.invitation.notYou")));
            case Mail.PasswordReset m -> document(t, t.get("mail.passwordReset.subject"),
                    t.get("mail.passwordReset.preview"), m.firstName(),
                    p(t.get("mail.passwordReset.intro")),
                    new Button(t.get("mail.passwordReset.action"), m.link()),
                    p(t.get("mail.linkOnce", "expires", m.expiresAt())),
                    p(t.get("mail.passwordRule")),
                    p(t.get("mail.passwordReset.sessions")),
                    p(t.get("mail.passwordReset.notYou")));
            case Mail.PasswordChanged m -> document(t, t.get("mail.passwordChanged.subject"), null, m.firstName(),
                    p(t.get("mail.passwordChanged.intro", "changed", m.changedAt())),
                    p(t.get("mail.passwordChanged.notYou")),
                    new Link(t.get("mail.passwordChanged.login"), m.loginPage()));
            case Mail.EmailChange m -> document(t, t.get("mail.emailChange.subject"),
                    t.get("mail.emailChange.preview", "address", m.newAddress()), m.firstName(),
                    p(t.get("mail.emailChange.intro", "address", m.newAddress())),
                    new Button(t.get("mail.emailChange.action"), m.link()),
                    p(t.get("mail.linkOnce", "expires", m.expiresAt())),
                    p(t.get("mail.emailChange.until")),
                    p(t.get("mail.emailChange.notYou")));
            case Mail.EmailChangeNotice m -> document(t, t.get("mail.emailChangeNotice.subject"), null, m.firstName(),
                    p(t.get("mail.emailChangeNotice.intro", "address", masked(m.newAddress()))),
                    p(t.get("mail.emailChangeNotice.notYou")));
            case Mail.ContactCopy m -> document(t, t.get("mail.contactCopy.subject", "reference", m.reference()), null,
                    m.firstName(),
                    p(t.get("mail.contactCopy.intro", "reference", m.reference())),
                    new Facts(List.of(new Fact(t.get("mail.contact.referenceLabel"), m.reference()),
                            new Fact(t.get("mail.contact.subjectLabel"), m.subject()),
                            new Fact(t.get("mail.contact.productLabel"), product(t, m.productName())))),
                    new Heading(t.get("mail.contactCopy.yourMessage")),
                    new Quote(m.message()));
            case Mail.ContactToHelpdesk m -> document(t,
                    t.get("mail.contactHelpdesk.subject", "reference", m.reference(), "subject", m.subject()), null, null,
                    p(t.get("mail.contactHelpdesk.intro")),
                    new Facts(List.of(new Fact(t.get("mail.contact.referenceLabel"), m.reference()),
                            new Fact(t.get("mail.contact.fromLabel"), m.senderName() + " <" + m.senderEmail() + ">"),
                            new Fact(t.get("mail.contact.schoolLabel"),
                                    m.brin() == null ? m.schoolName() : m.schoolName() + " (" + m.brin() + ")"),
                            new Fact(t.get("mail.contact.productLabel"), product(t, m.productName())),
                            new Fact(t.get("mail.contact.sentLabel"), t.get("mail.dateTime", "at", m.sentAt())),
                            new Fact(t.get("mail.contact.subjectLabel"), m.subject()))),
                    new Quote(m.message()));
            case Mail.HealthAlert m -> document(t,
                    t.get("mail.healthAlert.subject", "count", m.alerts().size(), "school", m.schoolName()),
                    t.get("mail.healthAlert.preview", "count", m.alerts().size()), m.firstName(),
                    p(t.get("mail.healthAlert.intro", "school", m.schoolName())),
                    new Points(m.alerts().stream()
                            .map(a -> new Point(a.text(), t.get("mail.healthAlert.fix"), a.fix())).toList()),
                    new Button(t.get("mail.healthAlert.dashboard"), m.dashboard()),
                    p(t.get("mail.healthAlert.frequency")));
            case Mail.WeeklyDigest m -> digest(t, m);
        };
        String replyTo = mail instanceof Mail.ContactToHelpdesk m ? m.senderEmail() : null;
        return new RenderedMail(document.subject(), TextLayout.render(document), HtmlLayout.render(document, t.locale()),
                t.locale(), replyTo);
    }

    private static MailDocument digest(MailTexts t, Mail.WeeklyDigest m) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(p(t.get("mail.digest.intro", "school", m.schoolName(), "week", m.week(), "year", String.valueOf(m.weekYear()),
                "from", m.monday(), "to", m.monday().plusDays(6))));
        long practicedOverall = 0;
        for (Mail.ProductWeek product : m.products()) {
            blocks.add(new Heading(product.productName()));
            if (product.pupils().isEmpty()) {
                blocks.add(p(t.get("mail.digest.none")));
                continue;
            }
            long practiced = product.pupils().stream().filter(pupil -> !pupil.total().isZero()).count();
            long testDue = product.pupils().stream().filter(Mail.PupilWeek::testDue).count();
            practicedOverall += practiced;
            blocks.add(p(t.get("mail.digest.summary", "practiced", practiced,
                    "idle", product.pupils().size() - practiced, "testDue", testDue)));
            List<List<String>> rows = new ArrayList<>();
            List<String> textRows = new ArrayList<>();
            for (Mail.PupilWeek pupil : product.pupils()) {
                String school = duration(t, pupil.atSchool());
                String home = duration(t, pupil.atHome());
                String total = duration(t, pupil.total());
                rows.add(List.of(pupil.name(), String.valueOf(pupil.gradeYear()), school, home, total,
                        pupil.testDue() ? t.get("mail.digest.testDue") : ""));
                textRows.add(t.get("mail.digest.row", "name", pupil.name(), "gradeYear", pupil.gradeYear(),
                        "school", school, "home", home, "total", total, "testDue", String.valueOf(pupil.testDue())));
            }
            blocks.add(new Table(List.of(t.get("mail.digest.col.pupil"), t.get("mail.digest.col.gradeYear"),
                    t.get("mail.digest.col.school"), t.get("mail.digest.col.home"), t.get("mail.digest.col.total"),
                    t.get("mail.digest.col.test")), rows, textRows));
        }
        blocks.add(new Button(t.get("mail.digest.page"), m.page()));
        blocks.add(p(t.get("mail.digest.optOut")));
        blocks.add(new Link(t.get("mail.digest.profile"), m.profile()));
        return document(t, t.get("mail.digest.subject", "week", m.week(), "school", m.schoolName()),
                t.get("mail.digest.preview", "practiced", practicedOverall), m.firstName(), blocks.toArray(Block[]::new));
    }

    private static MailDocument document(MailTexts t, String subject, String preview, String firstName,
            Block... blocks) {
        return new MailDocument(subject, preview, firstName == null ? null : t.get("mail.greeting", "name", firstName),
                List.of(blocks), List.of(t.get("mail.signature"), t.get("mail.signatureName")), t.get("mail.footer"));
    }

    private static Paragraph p(String text) {
        return new Paragraph(text);
    }

    private static String product(MailTexts t, String productName) {
        return productName == null ? t.get("mail.contact.noProduct") : productName;
    }

    /** Minutes, rounded: "45 min", "1 u 05 min" (Dutch), "1 h 05 min" (English), with no-break spaces. */
    static String duration(MailTexts t, Duration duration) {
        long minutes = Math.round(duration.toSeconds() / 60.0);
        return minutes < 60 ? t.get("mail.duration.minutes", "minutes", minutes)
                : t.get("mail.duration.hours", "hours", minutes / 60, "minutes", "%02d".formatted(minutes % 60));
    }

    /** "a•••@school.nl": enough for the owner to recognise, not enough to read off the screen of a shared mailbox. */
    static String masked(String address) {
        int at = address.indexOf('@');
        return at <= 0 ? "•••" : address.charAt(0) + "•••" + address.substring(at);
    }
}
