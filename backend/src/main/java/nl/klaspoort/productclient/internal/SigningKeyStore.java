package nl.klaspoort.productclient.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code signing_key}: the authorization server's keys, the private part encrypted. */
@Repository
class SigningKeyStore {

    /** A stored key: the public JWK, the encrypted private key, when it began and stopped signing. */
    record Row(String kid, String publicJwk, byte[] privateKey, Instant createdAt, Instant retiredAt) {}

    private final JdbcClient jdbc;

    SigningKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises key changes across nodes until the transaction ends. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('klaspoort.signing_key'))").query(Object.class).single();
    }

    /** When the key that signs now was created; empty when none signs. */
    Optional<Instant> signingSince() {
        return jdbc.sql("select created_at from signing_key where retired_at is null")
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /** The signing key stops signing now, keys retired before {@code forgetBefore} go, and the new key signs. */
    void replace(Instant now, Instant forgetBefore, String kid, String publicJwk, byte[] encryptedPrivateKey) {
        jdbc.sql("update signing_key set retired_at = :now where retired_at is null").param("now", Timestamp.from(now)).update();
        jdbc.sql("delete from signing_key where retired_at < :gone").param("gone", Timestamp.from(forgetBefore)).update();
        jdbc.sql("""
                        insert into signing_key (kid, algorithm, public_jwk, private_key, created_at)
                        values (:kid, 'RS256', :jwk, :private, :now)
                        """)
                .param("kid", kid).param("jwk", publicJwk).param("private", encryptedPrivateKey)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The key that signs and the keys retired at or after {@code oldest}, newest first. */
    List<Row> current(Instant oldest) {
        return jdbc.sql("""
                        select kid, public_jwk, private_key, created_at, retired_at from signing_key
                         where retired_at is null or retired_at >= :oldest order by created_at desc
                        """)
                .param("oldest", Timestamp.from(oldest))
                .query((rs, n) -> new Row(rs.getString("kid"), rs.getString("public_jwk"), rs.getBytes("private_key"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("retired_at") == null ? null : rs.getTimestamp("retired_at").toInstant()))
                .list();
    }
}
