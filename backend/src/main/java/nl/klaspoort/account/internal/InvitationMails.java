package nl.klaspoort.account.internal;

import java.util.Locale;
import nl.klaspoort.administration.ProfessionalInvited;
import nl.klaspoort.mail.Mail;
import nl.klaspoort.mail.Mailer;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Professional;
import nl.klaspoort.school.Schools;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issue 10, item 9: a school added a professional who already has an account; the person (at their own address, with
 * their own name) is mailed the link to accept or decline. Runs after the administration module's transaction
 * committed, through the mail outbox.
 */
@Component
class InvitationMails {

    private static final Locale DUTCH = Locale.of("nl");

    private final People people;
    private final Schools schools;
    private final Mailer mailer;
    private final PublicLinks publicLinks;

    InvitationMails(People people, Schools schools, Mailer mailer, PublicLinks publicLinks) {
        this.people = people;
        this.schools = schools;
        this.mailer = mailer;
        this.publicLinks = publicLinks;
    }

    @ApplicationModuleListener
    void on(ProfessionalInvited invited) {
        if (people.byId(invited.userId()).orElse(null) instanceof Professional person) {
            String school = schools.byId(invited.schoolId()).map(s -> s.name()).orElse("Klaspoort");
            mailer.send(person.email(), new Mail.Invitation(person.firstName(), school,
                    publicLinks.invitation(invited.token()), invited.expiresAt()), DUTCH);
        }
    }
}
