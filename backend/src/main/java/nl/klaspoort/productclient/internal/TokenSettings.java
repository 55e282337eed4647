package nl.klaspoort.productclient.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The product tokens ({@code klaspoort.tokens.*}).
 *
 * @param issuer the fixed {@code iss} of every token and of the authorization server's metadata (never taken from the
 *     request's Host header); checked on every token the API accepts
 * @param audience the {@code aud} of every token: the product API; checked on every token the API accepts
 * @param lifetime how long a token is valid
 * @param keyRotation a signing key signs for this long, then a new one takes over; the old one stays published and
 *     accepted until the last token it signed has expired
 * @param keyEncryptionKey base64 of 32 random bytes: encrypts the signing keys in the database (AES-256-GCM). Every
 *     node sharing the database needs the same one
 * @param keyEncryptionKeyFile where a generated key encryption key is kept when none is configured (outside
 *     {@code prod}, which requires {@code keyEncryptionKey})
 */
@ConfigurationProperties("klaspoort.tokens")
public record TokenSettings(String issuer, String audience, Duration lifetime, Duration keyRotation,
        String keyEncryptionKey, Path keyEncryptionKeyFile) {
}
