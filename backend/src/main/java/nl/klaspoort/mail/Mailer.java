package nl.klaspoort.mail;

import java.util.Locale;
import nl.klaspoort.mail.internal.MailRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a mail after the caller's transaction commits, through an outbox: the rendered mail is stored in
 * {@code event_publication} in the same transaction (Spring Modulith's registry), handed to SMTP after the commit,
 * and retried until the server takes it — after a failure and after a restart. A change that rolls back sends
 * nothing. Must be called inside a transaction.
 */
@Service
public class Mailer {

    private final MailTemplates templates;
    private final ApplicationEventPublisher events;
    private final String helpdesk;

    Mailer(MailTemplates templates, ApplicationEventPublisher events,
            @org.springframework.beans.factory.annotation.Value("${klaspoort.mail.helpdesk}") String helpdesk) {
        this.templates = templates;
        this.events = events;
        this.helpdesk = helpdesk;
    }

    /** S4: sends {@code mail} in Dutch to the helpdesk address of the configuration, after the commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendToHelpdesk(Mail mail) {
        send(helpdesk, mail, Locale.of("nl"));
    }

    /** Renders {@code mail} in {@code language} now and sends it to {@code to} once the transaction has committed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(String to, Mail mail, Locale language) {
        events.publishEvent(new MailRequested(to, templates.render(mail, language), mail.getClass().getSimpleName()));
    }
}
