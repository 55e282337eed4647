package nl.klaspoort.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import nl.klaspoort.people.internal.EmailChangeStore;
import nl.klaspoort.people.internal.PeopleQueries;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A professional changes their own login e-mail: with their current password, and only once the new address is
 * confirmed with the single-use token mailed to it (valid {@link #VALIDITY}; only its SHA-256 is stored). The caller
 * (administration) checks who is signed in, audits the change and hands the token to the mail.
 */
@Service
public class EmailChanges {

    /** How long a confirmation token is valid. */
    public static final Duration VALIDITY = Duration.ofHours(24);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A pending change: the raw token goes to the new address, nowhere else. */
    public record Requested(long userId, String newEmail, String token, Instant expiresAt) {}

    /** What a confirmation did. */
    public sealed interface Outcome {
        /** The login e-mail is now {@code newEmail}. */
        record Changed(String oldEmail, String newEmail) implements Outcome {}

        /** Unknown, used, replaced by a newer request, or expired: nothing changed. */
        record Expired() implements Outcome {}

        /** Someone else signs in with the address by now; the token is used up. */
        record Taken() implements Outcome {}
    }

    private final EmailChangeStore store;
    private final PeopleQueries queries;
    private final PasswordEncoder passwords;
    private final Clock clock;

    EmailChanges(EmailChangeStore store, PeopleQueries queries, PasswordEncoder passwords, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Whether {@code raw} is the person's current password. */
    public boolean passwordMatches(long userId, String raw) {
        String hash = queries.passwordHash(userId).orElse(null);
        return hash != null && raw != null && passwords.matches(raw, hash);
    }

    /** Records a pending change (replacing an earlier one) and returns its token. The address is checked by the caller. */
    @Transactional
    public Requested request(long userId, String newEmail) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(VALIDITY);
        store.request(userId, newEmail, sha256(token), now, expires);
        return new Requested(userId, newEmail, token, expires);
    }

    /** Applies the user's pending change with this token, once, if it has not expired and the address is still free. */
    @Transactional
    public Outcome confirm(long userId, String token) {
        Optional<EmailChangeStore.Pending> pending = token == null ? Optional.empty()
                : store.lockOpen(userId, sha256(token.strip()));
        if (pending.isEmpty()) {
            return new Outcome.Expired();
        }
        Instant now = clock.instant();
        store.close(pending.get().id(), now);
        if (!now.isBefore(pending.get().expiresAt())) {
            return new Outcome.Expired();
        }
        String newEmail = pending.get().newEmail();
        if (queries.emailTaken(newEmail.toLowerCase(java.util.Locale.ROOT), userId)) {
            return new Outcome.Taken();
        }
        String old = ((Professional) queries.byIds(java.util.List.of(userId)).get(userId)).email();
        store.setEmail(userId, newEmail);
        return new Outcome.Changed(old, newEmail);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
