package nl.klaspoort.account.internal;

import java.util.Locale;
import nl.klaspoort.administration.EmailChangeRequested;
import nl.klaspoort.administration.EmailChanged;
import nl.klaspoort.mail.Mail;
import nl.klaspoort.mail.Mailer;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Professional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * One's own login e-mail change (issue 10, item 1): the new address gets the single-use confirmation link, and once
 * it is confirmed the old address is told, so that a change the owner did not make does not go unnoticed. Both run
 * after the administration module's transaction committed, through the mail outbox.
 */
@Component
class EmailChangeMails {

    private static final Locale DUTCH = Locale.of("nl");

    private final People people;
    private final Mailer mailer;
    private final PublicLinks publicLinks;

    EmailChangeMails(People people, Mailer mailer, PublicLinks publicLinks) {
        this.people = people;
        this.mailer = mailer;
        this.publicLinks = publicLinks;
    }

    @ApplicationModuleListener
    void on(EmailChangeRequested requested) {
        people.byId(requested.userId()).filter(Professional.class::isInstance).map(Professional.class::cast)
                .ifPresent(me -> mailer.send(requested.newEmail(), new Mail.EmailChange(me.firstName(),
                        requested.newEmail(), publicLinks.confirmEmail(requested.token()), requested.expiresAt()), DUTCH));
    }

    @ApplicationModuleListener
    void on(EmailChanged changed) {
        people.byId(changed.userId()).filter(Professional.class::isInstance).map(Professional.class::cast)
                .ifPresent(me -> mailer.send(changed.oldEmail(), new Mail.EmailChangeNotice(me.firstName(),
                        changed.newEmail()), DUTCH));
    }
}
