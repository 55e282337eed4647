package nl.klaspoort.administration.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klaspoort.administration.EmailChangeRequested;
import nl.klaspoort.administration.EmailChanged;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.membership.Memberships;
import nl.klaspoort.people.EmailChanges;
import nl.klaspoort.people.EmailChanges.Outcome;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Professional;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.KlaspoortUser;
import nl.klaspoort.security.LoginThrottle;
import nl.klaspoort.security.SecurityEvents;
import nl.klaspoort.security.UserSessions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A professional changes their own login e-mail: the current password (wrong ones count against the account in the
 * sign-in throttle), then the token mailed to the new address ({@link EmailChangeRequested}; issue 15's mail module
 * sends it). The confirmed change is audited at every school the person belongs to (undoable as a profile change), the
 * person's other sessions end and the old address is told ({@link EmailChanged}).
 */
@Service
class MyEmailService {

    enum MyEmailError implements nl.klaspoort.platform.ErrorCode { WRONG_PASSWORD, EMAIL_CHANGE_EXPIRED }

    record MyEmailChangeRequestInput(String currentPassword, String newEmail) {}

    record MyEmailChangeConfirmInput(String token) {}

    record MyEmailChangePayload(String email, String pendingEmail, OffsetDateTime expiresAt, List<PayloadError> errors) {}

    private final EmailChanges changes;
    private final People people;
    private final Memberships memberships;
    private final AuditLog audit;
    private final UserSessions sessions;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    MyEmailService(EmailChanges changes, People people, Memberships memberships, AuditLog audit, UserSessions sessions,
            LoginThrottle throttle, ApplicationEventPublisher events) {
        this.changes = changes;
        this.people = people;
        this.memberships = memberships;
        this.audit = audit;
        this.sessions = sessions;
        this.throttle = throttle;
        this.events = events;
    }

    @Transactional
    MyEmailChangePayload request(MyEmailChangeRequestInput input) {
        Professional me = signedInProfessional();
        List<PayloadError> errors = new ArrayList<>();
        Duration wait = throttle.waitBeforeAttempt(me.email());
        if (!wait.isZero()) {
            SecurityEvents.record(SecurityEvents.Event.LOGIN_THROTTLED, "user", me.id(), "where", "EMAIL_CHANGE");
            errors.add(PayloadError.of(CommonError.TOO_MANY_REQUESTS).field("currentPassword")
                    .param("retryAfterSeconds", Math.max(1, (wait.toMillis() + 999) / 1000)));
            return new MyEmailChangePayload(me.email(), null, null, errors);
        }
        if (!changes.passwordMatches(me.id(), input.currentPassword())) {
            throttle.failed(me.email());
            SecurityEvents.record(SecurityEvents.Event.LOGIN_FAILED, "user", me.id(), "reason", "WRONG_PASSWORD",
                    "where", "EMAIL_CHANGE");
            errors.add(PayloadError.of(MyEmailError.WRONG_PASSWORD).field("currentPassword"));
        }
        String email = ProfileRules.normalEmail(ProfileRules.clean(input.newEmail()));
        if (!ProfileRules.validEmail(email)) {
            errors.add(PayloadError.of(AdministrationError.INVALID_EMAIL).field("newEmail"));
        }
        if (!errors.isEmpty()) {
            return new MyEmailChangePayload(me.email(), null, null, errors);
        }
        // Whether the address is someone else's is not told here (it would reveal who has an account); the
        // confirmation, by the address's owner, says so.
        EmailChanges.Requested requested = changes.request(me.id(), email);
        events.publishEvent(new EmailChangeRequested(me.id(), email, requested.token(), requested.expiresAt()));
        SecurityEvents.record(SecurityEvents.Event.EMAIL_CHANGE_REQUESTED, "user", me.id());
        return new MyEmailChangePayload(me.email(), email, requested.expiresAt().atOffset(ZoneOffset.UTC), List.of());
    }

    @Transactional
    MyEmailChangePayload confirm(MyEmailChangeConfirmInput input, String currentSessionId) {
        Professional me = signedInProfessional();
        String before = people.profileJson(me.id());
        Outcome outcome = changes.confirm(me.id(), input.token());
        return switch (outcome) {
            case Outcome.Expired expired -> new MyEmailChangePayload(me.email(), null, null,
                    List.of(PayloadError.of(MyEmailError.EMAIL_CHANGE_EXPIRED).field("token")));
            case Outcome.Taken taken -> new MyEmailChangePayload(me.email(), null, null,
                    List.of(PayloadError.of(AdministrationError.EMAIL_TAKEN).field("token")));
            case Outcome.Changed changed -> {
                String after = people.profileJson(me.id());
                for (long schoolId : memberships.schoolsOf(me.id())) {
                    audit.recordUsers(schoolId, AdministrationAction.USER_UPDATE, Map.of(me.id(), before), Map.of(me.id(), after));
                }
                sessions.endAllExcept(me.id(), currentSessionId);
                events.publishEvent(new EmailChanged(me.id(), changed.oldEmail(), changed.newEmail()));
                SecurityEvents.record(SecurityEvents.Event.EMAIL_CHANGED, "user", me.id());
                yield new MyEmailChangePayload(changed.newEmail(), null, null, List.of());
            }
        };
    }

    private Professional signedInProfessional() {
        KlaspoortUser user = CurrentUser.require();
        if (user.kind() != KlaspoortUser.Kind.PROFESSIONAL
                || !(people.byId(user.id()).orElse(null) instanceof Professional professional)) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "changing a login e-mail");
        }
        return professional;
    }
}
