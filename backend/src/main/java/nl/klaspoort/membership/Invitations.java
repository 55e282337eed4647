package nl.klaspoort.membership;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klaspoort.membership.internal.InvitationStore;
import org.springframework.stereotype.Service;

/**
 * Issue 10, item 9: a school's pending membership of a person who already has an account ({@code school_invitation}).
 * It holds what the school's admin typed (names, function) and chose (roles, products) until the person accepts it
 * with the single-use token mailed to them (valid {@link #VALIDITY}, like an activation link; only its SHA-256 is
 * stored) or declines it. Nothing of it is active: the person is no member of the school and holds no role there until
 * the caller turns an accepted invitation into a membership. The caller has checked access.
 */
@Service
public class Invitations {

    /** How long an invitation link works; a resend issues a new one. */
    public static final Duration VALIDITY = Duration.ofDays(7);

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What the school's admin typed and chose for the person; {@code archived}: the membership starts in the archive
     * (a supervisor added by a spreadsheet import waits there for products and students).
     */
    public record NewInvitation(long userId, String firstName, String namePrefix, String lastName, String email,
            String function, List<String> roles, List<Long> productIds, boolean archived) {}

    /**
     * A pending invitation. {@code id} is from the users' numbering (the school's overview shows the pending row under
     * it); {@code userId} is the invited person, whom the school does not see until they accept.
     */
    public record Invitation(long id, long schoolId, long userId, String firstName, String namePrefix, String lastName,
            String email, String function, List<String> roles, List<Long> productIds, boolean archived,
            Instant expiresAt) {}

    /** An invitation with its raw token: this goes into the mail, nowhere else. */
    public record Issued(long id, long schoolId, long userId, String token, Instant expiresAt) {}

    private final InvitationStore store;
    private final Clock clock;

    Invitations(InvitationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** New invitations of the school (one statement for any number), each with its own token; in input order. */
    public List<Issued> invite(long schoolId, List<NewInvitation> invitations, Long createdBy) {
        if (invitations.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant expires = now.plus(VALIDITY);
        List<String> tokens = invitations.stream().map(i -> newToken()).toList();
        List<Long> ids = store.insert(schoolId, invitations, tokens.stream().map(Invitations::sha256).toList(),
                createdBy, now, expires);
        return java.util.stream.IntStream.range(0, ids.size())
                .mapToObj(i -> new Issued(ids.get(i), schoolId, invitations.get(i).userId(), tokens.get(i), expires))
                .toList();
    }

    /** Of these people, those with a pending invitation of the school. */
    public java.util.Set<Long> invited(long schoolId, Collection<Long> userIds) {
        return userIds.isEmpty() ? java.util.Set.of() : store.invited(schoolId, userIds);
    }

    /** The school's pending invitations with these ids (ids as the overview shows them), by id. */
    public Map<Long, Invitation> byIds(long schoolId, Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : store.byIds(schoolId, ids);
    }

    /** The pending invitations with these ids, of any school, by id (the caller has checked each one's school). */
    public Map<Long, Invitation> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : store.byIds(null, ids);
    }

    /**
     * The pending invitation with this token, locked until the transaction ends (two clicks run one after the other),
     * expired or not; empty when the token is unknown, used or replaced by a resend.
     */
    public Optional<Invitation> lockByToken(String token) {
        return token == null || token.isBlank() || token.length() > 200 ? Optional.empty()
                : store.findByToken(sha256(token.strip()), true);
    }

    /** The pending invitation with this token, expired or not, without locking it. */
    public Optional<Invitation> find(String token) {
        return token == null || token.isBlank() || token.length() > 200 ? Optional.empty()
                : store.findByToken(sha256(token.strip()), false);
    }

    /** Whether the invitation's link still works at the clock's now. */
    public boolean expired(Invitation invitation) {
        return !clock.instant().isBefore(invitation.expiresAt());
    }

    /** A new token for the invitation (the old link stops working), valid {@link #VALIDITY} from now. */
    public Issued renew(Invitation invitation) {
        String token = newToken();
        Instant expires = clock.instant().plus(VALIDITY);
        store.renew(invitation.id(), sha256(token), expires);
        return new Issued(invitation.id(), invitation.schoolId(), invitation.userId(), token, expires);
    }

    /** The invitation is done with (accepted or declined): it goes. */
    public void remove(long invitationId) {
        store.remove(invitationId);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
