package nl.klaspoort.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in a mailed link (activation, password reset, e-mail change): 256 random bits, base64url, single use.
 * Only its SHA-256 is stored, so a copy of the database opens no account; a link is found by that hash and compared
 * in constant time by the lookup itself (an index on the hash, never a prefix search).
 *
 * @param secret    what goes into the link, once, and never into a log
 * @param hash      what is stored
 * @param expiresAt when the link stops working
 */
record LinkToken(String secret, String hash, Instant expiresAt) {

    /** What a link is for, and how long it works (B1, B4: seven days to activate; a reset: one hour). */
    enum Purpose {
        ACTIVATION(Duration.ofDays(7)),
        PASSWORD_RESET(Duration.ofHours(1)),
        EMAIL_CHANGE(Duration.ofDays(1));

        final Duration validity;

        Purpose(Duration validity) {
            this.validity = validity;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new token for {@code purpose}, valid from the clock's now. */
    static LinkToken issue(Purpose purpose, Clock clock) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new LinkToken(secret, hash(secret), clock.instant().plus(purpose.validity));
    }

    /** The stored form of a secret that arrives from a link; malformed input hashes too and then matches nothing. */
    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a link issued with this expiry still works at the clock's now. */
    static boolean valid(Instant expiresAt, Clock clock) {
        return clock.instant().isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "LinkToken[expiresAt=" + expiresAt + "]";
    }
}
