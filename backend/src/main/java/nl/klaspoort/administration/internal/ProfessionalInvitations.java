package nl.klaspoort.administration.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.Roles;
import nl.klaspoort.administration.ProfessionalInvited;
import nl.klaspoort.audit.AuditAction;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.audit.AuditTarget;
import nl.klaspoort.enrollment.Enrollments;
import nl.klaspoort.membership.Invitations;
import nl.klaspoort.membership.Invitations.Invitation;
import nl.klaspoort.membership.Invitations.NewInvitation;
import nl.klaspoort.membership.Memberships;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Professional;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.school.School;
import nl.klaspoort.school.Schools;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.KlaspoortUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 10, item 9: a school adds a professional whose e-mail address already belongs to a person who is not a member
 * there. The admin gets the same answer as for a new address (a pending row with the names they typed, no
 * {@code EMAIL_TAKEN}); the person gets a mail "‹school› wil je toevoegen in Klaspoort" and accepts (the membership
 * with the chosen roles and products starts) or declines (the school's pending row goes). The school's log records the
 * addition as {@code PROFESSIONAL_CREATE}, like any new professional, and the person's answer as
 * {@code INVITATION_ACCEPT} or {@code INVITATION_DECLINE}.
 */
@Service
class ProfessionalInvitations {

    /** What the person's answer writes to the school's audit log. */
    enum InvitationAction implements AuditAction { INVITATION_ACCEPT, INVITATION_DECLINE }

    /** Why an answer was refused. */
    enum InvitationError implements ErrorCode {
        /** Unknown, used, replaced by a newer mail, or for someone else: not told apart. */
        INVITATION_INVALID,
        /** The link is older than its validity; the school's admin can send it again. */
        INVITATION_EXPIRED,
        /** The professional has chosen a password already: there is no activation to send again. */
        ALREADY_ACTIVE
    }

    record InvitationAnswerInput(String token) {}

    /** {@code school}: the school the answer was about, null when refused; {@code accepted}: membership started. */
    record InvitationPayload(School school, boolean accepted, List<PayloadError> errors) {}

    private final Invitations invitations;
    private final nl.klaspoort.access.SchoolAccess access;
    private final Memberships memberships;
    private final People people;
    private final Roles roles;
    private final Enrollments enrollments;
    private final Schools schools;
    private final AuditLog audit;
    private final MemberStateQueries states;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final nl.klaspoort.administration.Invitees invitees;

    ProfessionalInvitations(nl.klaspoort.administration.Invitees invitees, nl.klaspoort.access.SchoolAccess access, Invitations invitations, Memberships memberships, People people, Roles roles,
            Enrollments enrollments, Schools schools, AuditLog audit, MemberStateQueries states,
            ApplicationEventPublisher events, JsonMapper json) {
        this.invitations = invitations;
        this.memberships = memberships;
        this.people = people;
        this.roles = roles;
        this.enrollments = enrollments;
        this.schools = schools;
        this.audit = audit;
        this.states = states;
        this.events = events;
        this.json = json;
        this.invitees = invitees;
        this.access = access;
    }

    /**
     * The professional who signs in with this address when the school may invite them: neither a member of the school
     * (active or archived: the school's own data, for which EMAIL_TAKEN may be told) nor invited there already.
     */
    Optional<Professional> invitable(long schoolId, String email) {
        Long id = invitees.invitable(schoolId, List.of(email)).get(email.toLowerCase(java.util.Locale.ROOT));
        return id == null ? Optional.empty() : people.byId(id).map(Professional.class::cast);
    }

    /** The invitations made: their ids (in input order) and the school's log entries, to record in the caller's batch. */
    record Invited(List<Long> ids, List<AuditLog.Entry> entries) {}

    /**
     * Invites the people (already checked with {@link #invitable} or in bulk); the log entries read exactly like those
     * of new professionals (the names the admin typed, the state chosen). The mails follow after the commit.
     */
    Invited invite(long schoolId, List<NewInvitation> added) {
        List<Long> ids = invitees.invite(schoolId, added);
        Map<Long, String> after = states.invitationSnapshot(schoolId, ids);
        List<AuditLog.Entry> entries = java.util.stream.IntStream.range(0, ids.size())
                .mapToObj(i -> new AuditLog.Entry(pendingTarget(ids.get(i), added.get(i).firstName(),
                        added.get(i).namePrefix(), added.get(i).lastName()), null, after.get(ids.get(i))))
                .toList();
        return new Invited(ids, entries);
    }

    record ActivationResendInput(String schoolId, String userId) {}

    record ActivationResent(long schoolId, String userId, List<PayloadError> errors) implements
            UserAdministrationService.MemberPayload {}

    /**
     * The admin sends a professional who has not signed in yet the mail again: a new activation link to a new
     * professional, a new invitation link to an invited one (the answer is the same); earlier links stop working.
     */
    @Transactional
    ActivationResent resendActivation(ActivationResendInput input) {
        long schoolId = access.require(input.schoolId(), Role.ADMIN);
        Long id = Bulk.parseId(input.userId());
        Invitation invitation = id == null ? null : invitations.byIds(schoolId, List.of(id)).get(id);
        if (invitation != null) {
            Invitations.Issued issued = invitations.renew(invitation);
            events.publishEvent(new ProfessionalInvited(issued.schoolId(), issued.id(), issued.userId(), issued.token(),
                    issued.expiresAt()));
            return new ActivationResent(schoolId, input.userId(), List.of());
        }
        Memberships.Member member = id == null ? null : memberships.lock(schoolId, List.of(id)).get(id);
        if (member == null) {
            return new ActivationResent(schoolId, null, List.of(PayloadError.of(CommonError.NOT_FOUND).item(input.userId())));
        }
        if (!member.professional()) {
            return new ActivationResent(schoolId, null, List.of(PayloadError.of(AdministrationError.NOT_A_PROFESSIONAL).item(id)));
        }
        if (people.passwordHash(id).isPresent()) {
            return new ActivationResent(schoolId, null, List.of(PayloadError.of(InvitationError.ALREADY_ACTIVE).item(id)));
        }
        // the account module issues a new activation link (closing the earlier ones) and mails it
        events.publishEvent(new nl.klaspoort.administration.ProfessionalCreated(schoolId, id));
        return new ActivationResent(schoolId, input.userId(), List.of());
    }

    /** GraphQL {@code Invitation}. */
    record InvitationView(String schoolName, java.time.OffsetDateTime expiresAt, boolean expired) {}

    /** The signed-in professional's open invitation with this token; empty when it is not theirs or not open. */
    @Transactional(readOnly = true)
    Optional<InvitationView> view(String token) {
        Professional me = signedInProfessional();
        return invitations.find(token).filter(i -> i.userId() == me.id())
                .map(i -> new InvitationView(schools.byId(i.schoolId()).orElseThrow().name(),
                        i.expiresAt().atOffset(java.time.ZoneOffset.UTC), invitations.expired(i)));
    }

    @Transactional
    InvitationPayload accept(InvitationAnswerInput input) {
        Professional me = signedInProfessional();
        Optional<Invitation> found = invitations.lockByToken(input == null ? null : input.token())
                .filter(i -> i.userId() == me.id());
        Optional<InvitationPayload> refused = refusal(found);
        if (refused.isPresent()) {
            return refused.get();
        }
        Invitation invitation = found.get();
        long schoolId = invitation.schoolId();
        String before = membership(states.invitationSnapshot(schoolId, List.of(invitation.id())).get(invitation.id()), "INVITED");
        memberships.join(schoolId, List.of(me.id()));
        if (invitation.archived()) { // added by an import as a supervisor: waits in the archive like a new one
            memberships.setArchived(schoolId, List.of(me.id()), true);
        }
        roles.grant(schoolId, List.of(me.id()), invitation.roles().stream().map(Role::valueOf).toList());
        enrollments.assign(schoolId, List.of(me.id()), invitation.productIds());
        invitations.remove(invitation.id());
        audit.record(schoolId, InvitationAction.INVITATION_ACCEPT, List.of(new AuditLog.Entry(AuditTarget.user(me.id()),
                before, membership(states.snapshot(schoolId, List.of(me.id())).get(me.id()), "MEMBER"))));
        return new InvitationPayload(schools.byId(schoolId).orElseThrow(), true, List.of());
    }

    @Transactional
    InvitationPayload decline(InvitationAnswerInput input) {
        Professional me = signedInProfessional();
        Optional<Invitation> found = invitations.lockByToken(input == null ? null : input.token())
                .filter(i -> i.userId() == me.id());
        // declining needs no valid date: an expired invitation may still be turned down
        if (found.isEmpty()) {
            return refusal(found).orElseThrow();
        }
        Invitation invitation = found.get();
        String before = membership(states.invitationSnapshot(invitation.schoolId(), List.of(invitation.id()))
                .get(invitation.id()), "INVITED");
        invitations.remove(invitation.id());
        audit.record(invitation.schoolId(), InvitationAction.INVITATION_DECLINE, List.of(new AuditLog.Entry(
                pendingTarget(invitation.id(), invitation.firstName(), invitation.namePrefix(), invitation.lastName()),
                before, "{\"membership\":\"DECLINED\"}")));
        return new InvitationPayload(schools.byId(invitation.schoolId()).orElseThrow(), false, List.of());
    }

    private Optional<InvitationPayload> refusal(Optional<Invitation> found) {
        if (found.isEmpty()) {
            return Optional.of(new InvitationPayload(null, false,
                    List.of(PayloadError.of(InvitationError.INVITATION_INVALID).field("token"))));
        }
        if (invitations.expired(found.get())) {
            return Optional.of(new InvitationPayload(null, false,
                    List.of(PayloadError.of(InvitationError.INVITATION_EXPIRED).field("token"))));
        }
        return Optional.empty();
    }

    /** A state for the log with the person's standing at the school ({@code membership}: INVITED, MEMBER). */
    private String membership(String state, String standing) {
        ObjectNode node = (ObjectNode) json.readTree(state);
        node.put("membership", standing);
        return json.writeValueAsString(node);
    }

    /** A pending row in the log reads as the names the admin typed (there is no person behind its id). */
    private static AuditTarget pendingTarget(long id, String first, String prefix, String last) {
        return new AuditTarget(AuditTarget.Type.USER, id, String.join(" ",
                java.util.stream.Stream.of(first, prefix, last).filter(s -> s != null && !s.isBlank()).toList()));
    }

    private Professional signedInProfessional() {
        KlaspoortUser user = CurrentUser.require();
        if (user.kind() != KlaspoortUser.Kind.PROFESSIONAL
                || !(people.byId(user.id()).orElse(null) instanceof Professional professional)) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "answering an invitation");
        }
        return professional;
    }
}
