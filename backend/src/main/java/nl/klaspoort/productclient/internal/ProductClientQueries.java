package nl.klaspoort.productclient.internal;

import java.time.Duration;
import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code product_client}, as the authorization server sees it: every product client may use the
 * client_credentials grant only, with its registered scopes; the product id travels in the client settings to the
 * token customizer. Clients are registered through {@code ProductClients}, not through {@link #save}.
 */
@Repository
public class ProductClientQueries implements RegisteredClientRepository {

    static final String PRODUCT_SETTING = "klaspoort.product-id";
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    private final JdbcClient jdbc;

    ProductClientQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("register product clients with ProductClients.register");
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
        return jdbc.sql("select client_id, product_id, name, secret_hash, scopes from product_client where client_id = :id")
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
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build())
                        .build();
                })
                .optional().orElse(null);
    }
}
