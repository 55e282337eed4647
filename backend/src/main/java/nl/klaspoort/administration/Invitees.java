package nl.klaspoort.administration;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klaspoort.administration.internal.InviteeQueries;
import nl.klaspoort.membership.Invitations;
import nl.klaspoort.membership.Invitations.NewInvitation;
import nl.klaspoort.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Issue 10, item 9: adding a professional whose address already belongs to a person who is not a member of the school
 * invites that person instead of refusing with EMAIL_TAKEN, so a school learns nothing about other schools' staff. For
 * {@code professionalCreate} and the spreadsheet import alike. The caller has checked access and audits the additions
 * as it audits new professionals.
 */
@Service
public class Invitees {

    private final InviteeQueries queries;
    private final Invitations invitations;
    private final ApplicationEventPublisher events;

    Invitees(InviteeQueries queries, Invitations invitations, ApplicationEventPublisher events) {
        this.queries = queries;
        this.invitations = invitations;
        this.events = events;
    }

    /**
     * Of these addresses (lower case), those the school cannot add: they belong to its own members (active or archived),
     * to someone it invited already, or to a login that is not a professional's. One statement.
     */
    public Set<String> taken(long schoolId, Collection<String> emails) {
        return emails.isEmpty() ? Set.of() : queries.find(schoolId, emails).entrySet().stream()
                .filter(e -> !e.getValue().invitable()).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** Of these addresses (lower case), those of a person the school may invite, with the person's id. One statement. */
    public Map<String, Long> invitable(long schoolId, Collection<String> emails) {
        return emails.isEmpty() ? Map.of() : queries.find(schoolId, emails).entrySet().stream()
                .filter(e -> e.getValue().invitable())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id()));
    }

    /**
     * Invites the people: pending at the school with what the admin typed and chose, each mailed a link after the
     * commit ({@link ProfessionalInvited}). The invitations' ids (the pending rows' ids), in input order.
     */
    public List<Long> invite(long schoolId, List<NewInvitation> added) {
        List<Invitations.Issued> issued = invitations.invite(schoolId, added, CurrentUser.id());
        issued.forEach(i -> events.publishEvent(new ProfessionalInvited(i.schoolId(), i.id(), i.userId(), i.token(), i.expiresAt())));
        return issued.stream().map(Invitations.Issued::id).toList();
    }
}
