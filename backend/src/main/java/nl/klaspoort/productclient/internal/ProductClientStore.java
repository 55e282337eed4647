package nl.klaspoort.productclient.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code product_client}. */
@Repository
public class ProductClientStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProductClientStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code scopes}: space separated; {@code secretHash}: the encoded secret, never the secret. */
    public void insert(String clientId, long productId, String name, String secretHash, String scopes, String createdBy) {
        jdbc.sql("""
                insert into product_client (client_id, product_id, name, secret_hash, scopes, created_by, created_at)
                values (:id, :product, :name, :hash, :scopes, :by, :now)
                """)
                .param("id", clientId).param("product", productId).param("name", name).param("hash", secretHash)
                .param("scopes", scopes).param("by", createdBy).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Enables or disables a client; false when there is no such client. */
    public boolean setEnabled(String clientId, boolean enabled) {
        return jdbc.sql("update product_client set enabled = :enabled where client_id = :id")
                .param("enabled", enabled).param("id", clientId).update() > 0;
    }

    /** A new secret hash, noted as rotated now; false when there is no such client. */
    public boolean replaceSecret(String clientId, String secretHash) {
        return jdbc.sql("update product_client set secret_hash = :hash, secret_rotated_at = :now where client_id = :id")
                .param("hash", secretHash).param("now", Timestamp.from(clock.instant())).param("id", clientId).update() > 0;
    }

    /** The same secret, hashed anew (the authorization server upgrades an older scheme after a successful sign-in). */
    boolean rehashSecret(String clientId, String secretHash) {
        return jdbc.sql("update product_client set secret_hash = :hash where client_id = :id")
                .param("hash", secretHash).param("id", clientId).update() > 0;
    }
}
