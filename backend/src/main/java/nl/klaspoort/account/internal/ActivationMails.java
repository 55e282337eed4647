package nl.klaspoort.account.internal;

import java.time.Clock;
import java.util.Locale;
import nl.klaspoort.administration.ProfessionalCreated;
import nl.klaspoort.mail.Mail;
import nl.klaspoort.mail.Mailer;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Professional;
import nl.klaspoort.school.Schools;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * B1, B4: a professional created without a password gets an activation mail with a single-use link, valid for seven
 * days, to choose one. Runs after the creation committed, in a transaction of its own that stores the link and puts
 * the mail in the outbox together.
 */
@Component
class ActivationMails {

    private final People people;
    private final Schools schools;
    private final AccountLinkStore links;
    private final Mailer mailer;
    private final Clock clock;
    private final PublicLinks publicLinks;

    ActivationMails(People people, Schools schools, AccountLinkStore links, Mailer mailer, Clock clock,
            PublicLinks publicLinks) {
        this.people = people;
        this.schools = schools;
        this.links = links;
        this.mailer = mailer;
        this.clock = clock;
        this.publicLinks = publicLinks;
    }

    @ApplicationModuleListener
    void on(ProfessionalCreated created) {
        if (!(people.byId(created.professionalId()).orElse(null) instanceof Professional professional)) {
            return;
        }
        String school = schools.byId(created.schoolId()).map(s -> s.name()).orElse("Klaspoort");
        LinkToken token = LinkToken.issue(LinkToken.Purpose.ACTIVATION, clock);
        links.issue(professional.id(), LinkToken.Purpose.ACTIVATION, token, null);
        // a new colleague has not chosen a language yet: Dutch, the school's language
        mailer.send(professional.email(), new Mail.Activation(professional.firstName(), school,
                publicLinks.setPassword(token), token.expiresAt()), Locale.of("nl"));
    }
}
