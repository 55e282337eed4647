package nl.klaspoort.productclient;

import java.time.Duration;
import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.stereotype.Repository;

/**
 * The authorization server's view of the {@code product_client} table: every product client may use the
 * client_credentials grant only, with its registered scopes; the product id travels in the client settings to the
 * token customizer. Clients are registered through {@link ProductClients}, not through {@link #save}.
 */
@Repository
class ProductClientRepository implements RegisteredClientRepository {

    static final String PRODUCT_SETTING = "klaspoort.product-id";

    private final JdbcClient jdbc;
    private final Duration tokenLifetime;

    ProductClientRepository(JdbcClient jdbc, TokenSettings tokens) {
        this.jdbc = jdbc;
        this.tokenLifetime = tokens.lifetime();
    }

    /** Whether the client exists and is enabled (asked for every token the API accepts). */
    boolean enabled(String clientId) {
        return jdbc.sql("select exists (select 1 from product_client where client_id = :id and enabled)")
                .param("id", clientId).query(Boolean.class).single();
    }

    /**
     * Only a client's secret hash changes here: after a successful authentication the authorization server re-encodes
     * a secret hashed with an older scheme. Clients are registered with {@link ProductClients#register}.
     */
    @Override
    public void save(RegisteredClient registeredClient) {
        int updated = jdbc.sql("update product_client set secret_hash = :hash where client_id = :id")
                .param("hash", registeredClient.getClientSecret()).param("id", registeredClient.getClientId())
                .update();
        if (updated == 0) {
            throw new UnsupportedOperationException("register product clients with ProductClients.register");
        }
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
