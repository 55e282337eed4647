package nl.klaspoort.account.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.klaspoort.administration.ProfessionalCreated;
import nl.klaspoort.audit.AuditAction;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.audit.AuditTarget;
import nl.klaspoort.mail.Mail;
import nl.klaspoort.mail.Mailer;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Professional;
import nl.klaspoort.roster.RosterApplied;
import nl.klaspoort.school.Schools;
import nl.klaspoort.security.UserSessions;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * B1, B4: a professional created without a password gets an activation mail with a single-use link, valid for seven
 * days, to choose one. BP5: when a school's roster (Basispoort sync or EDEXML import) gives a linked teacher a new
 * e-mail address, their old login is deactivated (password cleared, sessions ended, links mailed to the old address
 * closed) and the same activation mail goes to the new address; the school's audit log records it. Each runs after the
 * change committed, in a transaction of its own that stores the link and puts the mail in the outbox together.
 */
@Component
class ActivationMails {

    /** What BP5 writes to the audit log. */
    enum AccountAction implements AuditAction { LOGIN_EMAIL_REACTIVATION }

    private static final Locale DUTCH = Locale.of("nl");

    private final People people;
    private final Schools schools;
    private final AccountLinkStore links;
    private final Mailer mailer;
    private final Clock clock;
    private final PublicLinks publicLinks;
    private final UserSessions sessions;
    private final AuditLog audit;

    ActivationMails(People people, Schools schools, AccountLinkStore links, Mailer mailer, Clock clock,
            PublicLinks publicLinks, UserSessions sessions, AuditLog audit) {
        this.people = people;
        this.schools = schools;
        this.links = links;
        this.mailer = mailer;
        this.clock = clock;
        this.publicLinks = publicLinks;
        this.sessions = sessions;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(ProfessionalCreated created) {
        if (people.byId(created.professionalId()).orElse(null) instanceof Professional professional) {
            mailActivation(professional, created.schoolId());
        }
    }

    @ApplicationModuleListener
    void on(RosterApplied applied) {
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (long id : applied.emailChanged()) {
            if (!(people.byId(id).orElse(null) instanceof Professional teacher)) {
                continue;
            }
            boolean hadPassword = people.passwordHash(id).isPresent();
            people.clearPassword(id);
            sessions.endAll(id);
            links.closeAll(id);
            mailActivation(teacher, applied.schoolId());
            entries.add(new AuditLog.Entry(AuditTarget.user(id),
                    hadPassword ? "{\"login\":\"PASSWORD\"}" : "{}", "{\"login\":\"ACTIVATION_SENT\"}"));
        }
        audit.record(applied.schoolId(), AccountAction.LOGIN_EMAIL_REACTIVATION, entries);
    }

    private void mailActivation(Professional professional, long schoolId) {
        String school = schools.byId(schoolId).map(s -> s.name()).orElse("Klaspoort");
        LinkToken token = LinkToken.issue(LinkToken.Purpose.ACTIVATION, clock);
        links.issue(professional.id(), LinkToken.Purpose.ACTIVATION, token, null);
        // a new colleague has not chosen a language yet: Dutch, the school's language
        mailer.send(professional.email(), new Mail.Activation(professional.firstName(), school,
                publicLinks.setPassword(token), token.expiresAt()), DUTCH);
    }
}
