package nl.klaspoort.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt for passwords of any length. bcrypt reads only the first 72 bytes of a password (Spring Security refuses
 * longer ones), so the password is first reduced to HMAC-SHA256(key = the bcrypt salt, password), base64: 44 bytes
 * that depend on every byte of the password. Keying the pre-hash with the salt means a leaked list of plain SHA-256
 * password hashes cannot be tested against these hashes directly. The work factor is bcrypt's (10), as for the hashes
 * written before; those ({@code {bcrypt}}) keep working beside these ({@code {bcrypt-sha256}}).
 */
public final class BcryptSha256PasswordEncoder implements PasswordEncoder {

    /** The id in front of the hashes: {@code {bcrypt-sha256}$2a$10$...}. */
    public static final String ID = "bcrypt-sha256";
    private static final int STRENGTH = 10;
    private static final int SALT_LENGTH = 29; // "$2a$10$" + 22 characters

    @Override
    public String encode(CharSequence rawPassword) {
        String salt = BCrypt.gensalt(STRENGTH);
        return BCrypt.hashpw(preHash(salt, rawPassword), salt);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || encodedPassword.length() < SALT_LENGTH) {
            return false;
        }
        return BCrypt.checkpw(preHash(encodedPassword.substring(0, SALT_LENGTH), rawPassword), encodedPassword);
    }

    private static String preHash(String salt, CharSequence password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(password.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
