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
}
