package nl.klaspoort.productclient.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import nl.klaspoort.security.SecurityEvents;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The authorization server's signing keys, kept in PostgreSQL ({@code signing_key}) so that a restart does not
 * invalidate the products' tokens and several nodes sign and verify with the same keys. The private key is stored
 * encrypted with AES-256-GCM under the key encryption key from configuration (the key id is bound in as associated
 * data); the public key as a JWK. One key signs at a time; after {@code keyRotation} a new one takes over, and the old
 * one stays published and accepted until every token it signed has expired ({@code lifetime} after it stopped
 * signing), then it is deleted. Rotation is serialised across nodes by a transaction-scoped advisory lock. The SQL is
 * in {@link SigningKeyStore}.
 */
class SigningKeys {

    private static final int GCM_IV_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;
    /** Clocks of several nodes differ a little; a key is kept this much longer. */
    private static final Duration SKEW = Duration.ofMinutes(2);
    /** An unknown key id triggers a reload (another node rotated), at most this often. */
    private static final Duration RELOAD_ON_MISS = Duration.ofSeconds(5);
    private static final Duration REFRESH = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as loaded: the JWK (with the private part for the signing key) and whether it signs now. */
    record Key(String kid, RSAKey jwk, Instant createdAt, Instant retiredAt) {
        boolean signing() {
            return retiredAt == null;
        }
    }

    private final SigningKeyStore store;
    private final TransactionTemplate transactions;
    private final SecretKey keyEncryptionKey;
    private final TokenSettings settings;
    private final Clock clock;
    private volatile List<Key> keys = List.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    SigningKeys(SigningKeyStore store, TransactionTemplate transactions, SecretKey keyEncryptionKey, TokenSettings settings,
            Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.keyEncryptionKey = keyEncryptionKey;
        this.settings = settings;
        this.clock = clock;
    }

    /** Makes sure a key signs (creating the first one, or rotating one that is due), then loads the keys. */
    void start() {
        rotateIfDue();
        reload();
    }

    /** A new signing key now; the current one keeps being accepted until its tokens have expired. */
    void rotate() {
        transactions.executeWithoutResult(status -> {
            store.lock();
            retireAndCreate();
        });
        reload();
    }

    /** Rotates when the signing key is older than {@code keyRotation}, or creates the first key; one node does it. */
    void rotateIfDue() {
        boolean rotated = Boolean.TRUE.equals(transactions.execute(status -> {
            store.lock();
            Instant created = store.signingSince().orElse(null);
            if (created != null && created.plus(settings.keyRotation()).isAfter(clock.instant())) {
                return false;
            }
            retireAndCreate();
            return true;
        }));
        if (rotated) {
            reload();
        }
    }

    private void retireAndCreate() {
        Instant now = clock.instant();
        RSAKey key = generate();
        store.replace(now, now.minus(settings.lifetime()).minus(SKEW), key.getKeyID(), key.toPublicJWK().toJSONString(),
                encrypt(key));
        SecurityEvents.record(SecurityEvents.Event.SIGNING_KEY_ROTATED, "kid", key.getKeyID());
    }

    /** Reads the keys that sign or may still have signed a valid token. */
    synchronized void reload() {
        Instant oldest = clock.instant().minus(settings.lifetime()).minus(SKEW);
        keys = store.current(oldest).stream()
                .map(row -> new Key(row.kid(), row.retiredAt() == null ? decrypt(row.kid(), row.publicJwk(), row.privateKey())
                        : publicKey(row.publicJwk()), row.createdAt(), row.retiredAt()))
                .toList();
        loadedAt = clock.instant();
    }

    /** The keys, reloaded every minute; a signing key past its rotation age is replaced then (by one node). */
    private List<Key> current() {
        if (loadedAt.plus(REFRESH).isBefore(clock.instant())) {
            boolean due = keys.stream().filter(Key::signing)
                    .anyMatch(k -> k.createdAt().plus(settings.keyRotation()).isBefore(clock.instant()));
            if (due) {
                rotateIfDue();
            }
            reload();
        }
        return keys;
    }

    /** For signing: the one key that signs now. */
    JWKSource<SecurityContext> signingSource() {
        return (selector, context) -> selector.select(new JWKSet(current().stream().filter(Key::signing)
                .map(k -> (JWK) k.jwk()).toList()));
    }

    /**
     * For verifying and for the published JWK set ({@code /oauth2/jwks}): every key whose tokens may still be valid,
     * public parts only. A key id not known here (another node has just rotated) reloads once.
     */
    JWKSource<SecurityContext> verificationSource() {
        return (selector, context) -> {
            List<JWK> found = select(selector);
            String kid = selector.getMatcher().getKeyIDs() == null || selector.getMatcher().getKeyIDs().size() != 1
                    ? null : selector.getMatcher().getKeyIDs().iterator().next();
            if (found.isEmpty() && kid != null && loadedAt.plus(RELOAD_ON_MISS).isBefore(clock.instant())) {
                reload();
                found = select(selector);
            }
            return found;
        };
    }

    private List<JWK> select(JWKSelector selector) {
        return selector.select(new JWKSet(current().stream().map(k -> (JWK) k.jwk().toPublicJWK()).toList()));
    }

    /**
     * The key encryption key: {@code klaspoort.tokens.key-encryption-key} (base64 of 32 bytes), or outside
     * {@code prod} the one generated into {@code key-encryption-key-file} (owner read/write only) on first start.
     */
    static SecretKey keyEncryptionKey(TokenSettings settings, boolean production) {
        try {
            String configured = settings.keyEncryptionKey();
            if (configured == null || configured.isBlank()) {
                if (production) {
                    throw new IllegalStateException("The prod profile needs KLASPOORT_TOKEN_KEY_ENCRYPTION_KEY (base64 of 32 random "
                            + "bytes, e.g. `openssl rand -base64 32`): it encrypts the token signing keys in the database, "
                            + "and every node needs the same one.");
                }
                Path file = settings.keyEncryptionKeyFile();
                if (!Files.exists(file)) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    byte[] fresh = new byte[32];
                    RANDOM.nextBytes(fresh);
                    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "kek", ".new");
                    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                    }
                    Files.writeString(temp, Base64.getEncoder().encodeToString(fresh) + "\n");
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                }
                configured = Files.readString(file).strip();
            }
            byte[] key = Base64.getDecoder().decode(configured.strip());
            if (key.length != 32) {
                throw new IllegalStateException("klaspoort.tokens.key-encryption-key must be base64 of 32 bytes, not " + key.length);
            }
            return new SecretKeySpec(key, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key ids in use (signing first), for tests and monitoring. */
    List<String> kids() {
        return current().stream().map(Key::kid).toList();
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code iv || AES-256-GCM(pkcs8 private key)}, with the key id as associated data. */
    private byte[] encrypt(RSAKey key) {
        try {
            byte[] iv = new byte[GCM_IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyEncryptionKey, new GCMParameterSpec(GCM_TAG_BITS, iv));
            cipher.updateAAD(key.getKeyID().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(key.toRSAPrivateKey().getEncoded());
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private RSAKey decrypt(String kid, String publicJwk, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keyEncryptionKey, new GCMParameterSpec(GCM_TAG_BITS, stored, 0, GCM_IV_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] pkcs8 = cipher.doFinal(stored, GCM_IV_BYTES, stored.length - GCM_IV_BYTES);
            RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new RSAKey.Builder(publicKey(publicJwk)).privateKey(privateKey).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The token signing key " + kid + " cannot be decrypted: is "
                    + "klaspoort.tokens.key-encryption-key the one it was encrypted with?", e);
        }
    }

    private static RSAKey publicKey(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
