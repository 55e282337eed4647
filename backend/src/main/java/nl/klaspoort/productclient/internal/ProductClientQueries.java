package nl.klaspoort.productclient.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.klaspoort.productclient.ProductClients;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code product_client}, as the authorization server sees it: every product client may use the
 * client_credentials grant only, with its registered scopes; the product id travels in the client settings to the
 * token customizer. Clients are registered through {@code ProductClients}, not through {@link #save}.
 */
@Repository
public class ProductClientQueries implements RegisteredClientRepository {

    static final String PRODUCT_SETTING = "klaspoort.product-id";

    private static final String CLIENT = """
            select client_id, product_id, name, scopes, enabled, created_at, secret_rotated_at from product_client
            """;

    private final JdbcClient jdbc;
    private final ProductClientStore store;
    private final Duration tokenLifetime;

    ProductClientQueries(JdbcClient jdbc, ProductClientStore store, TokenSettings tokens) {
        this.jdbc = jdbc;
        this.store = store;
        this.tokenLifetime = tokens.lifetime();
    }

    /**
     * Only a client's secret hash changes here: after a successful authentication the authorization server re-encodes
     * a secret hashed with an older scheme (through the store). Clients are registered with
     * {@code ProductClients.register}.
     */
    @Override
    public void save(RegisteredClient registeredClient) {
        if (!store.rehashSecret(registeredClient.getClientId(), registeredClient.getClientSecret())) {
            throw new UnsupportedOperationException("register product clients with ProductClients.register");
        }
    }

    /** Whether the client exists and is enabled (asked for every token the API accepts). */
    public boolean enabled(String clientId) {
        return jdbc.sql("select exists (select 1 from product_client where client_id = :id and enabled)")
                .param("id", clientId).query(Boolean.class).single();
    }

    /** Every client, by product and name. */
    public List<ProductClients.Client> clients() {
        return jdbc.sql(CLIENT + " order by product_id, name, client_id").query(ProductClientQueries::client).list();
    }

    public Optional<ProductClients.Client> client(String clientId) {
        return jdbc.sql(CLIENT + " where client_id = :id").param("id", clientId).query(ProductClientQueries::client).optional();
    }

    private static ProductClients.Client client(ResultSet rs, int n) throws SQLException {
        return new ProductClients.Client(rs.getString("client_id"), rs.getLong("product_id"), rs.getString("name"),
                Arrays.stream(rs.getString("scopes").split(" ")).map(ProductClients.Scope::of).toList(),
                rs.getBoolean("enabled"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("secret_rotated_at", OffsetDateTime.class));
    }

    /** Whether a client with this id exists. */
    public boolean exists(String clientId) {
        return jdbc.sql("select count(*) from product_client where client_id = :id").param("id", clientId)
                .query(Long.class).single() > 0;
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        // a disabled client is unknown to the authorization server: no token
        return jdbc.sql("select client_id, product_id, name, secret_hash, scopes from product_client where client_id = :id and enabled")
                .param("id", clientId)
                .query((rs, n) -> {
                    String[] scopes = rs.getString("scopes").split(" ");
                    return RegisteredClient.withId(rs.getString("client_id"))
                        .clientId(rs.getString("client_id"))
                        .clientName(rs.getString("name"))
                        .clientSecret(rs.getString("secret_hash"))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scopes(set -> set.addAll(Arrays.asList(scopes)))
                        .clientSettings(ClientSettings.builder().setting(PRODUCT_SETTING, rs.getLong("product_id")).build())
                        .tokenSettings(org.springframework.security.oauth2.server.authorization.settings.TokenSettings.builder()
                                .accessTokenTimeToLive(tokenLifetime).build())
                        .build();
                })
                .optional().orElse(null);
    }
}
