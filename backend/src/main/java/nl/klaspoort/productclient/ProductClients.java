package nl.klaspoort.productclient;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.klaspoort.security.AccessRefusedException;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.SecurityEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Registers OAuth2 clients for products. Only publisher staff may: the professionals whose e-mail addresses are listed
 * in {@code klaspoort.publisher.admins} (comma separated; empty = nobody, as in the {@code prod} profile unless set
 * with {@code KLASPOORT_PUBLISHER_ADMINS}). The secret is generated here, returned once and stored as a bcrypt hash.
 */
@Service
public class ProductClients {

    /** Scope names as granted in tokens, by the GraphQL enum value. */
    enum Scope {
        RESULTS_WRITE(ProductToken.RESULTS_WRITE), RESULTS_READ(ProductToken.RESULTS_READ);

        final String value;

        Scope(String value) { this.value = value; }

        static Scope of(String value) {
            for (Scope scope : values()) {
                if (scope.value.equals(value)) {
                    return scope;
                }
            }
            throw new IllegalArgumentException(value);
        }
    }

    record Client(String clientId, long productId, String name, List<Scope> scopes, boolean enabled,
            OffsetDateTime createdAt, OffsetDateTime secretRotatedAt) {}

    enum ErrorCode { PRODUCT_NOT_FOUND, INVALID_NAME, NO_SCOPES, CLIENT_NOT_FOUND }

    /** The result of enabling or disabling a client. */
    record Changed(Client client, List<Error> errors) {}

    record Error(ErrorCode code, String message, String field) {}

    record Registration(Client client, String clientSecret, List<Error> errors) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Set<String> publisherAdmins;

    ProductClients(JdbcClient jdbc, PasswordEncoder passwords,
            @Value("${klaspoort.publisher.admins:}") List<String> publisherAdmins) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.publisherAdmins = publisherAdmins.stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** Publisher staff only; everyone else is refused (FORBIDDEN). */
    private void requirePublisher() {
        if (!publisherAdmins.contains(CurrentUser.require().getUsername().toLowerCase(Locale.ROOT))) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "managing product clients");
        }
    }

    private static final String CLIENT_SQL =
            "select client_id, product_id, name, scopes, enabled, created_at, secret_rotated_at from product_client";

    private static Client client(ResultSet rs, int n) throws SQLException {
        return new Client(rs.getString("client_id"), rs.getLong("product_id"), rs.getString("name"),
                Arrays.stream(rs.getString("scopes").split(" ")).map(Scope::of).toList(), rs.getBoolean("enabled"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("secret_rotated_at", OffsetDateTime.class));
    }

    /** Every product's clients, by product and name; publisher staff only. */
    List<Client> list() {
        requirePublisher();
        return jdbc.sql(CLIENT_SQL + " order by product_id, name, client_id").query(ProductClients::client).list();
    }

    private Client find(String clientId) {
        return jdbc.sql(CLIENT_SQL + " where client_id = :id").param("id", clientId).query(ProductClients::client)
                .optional().orElse(null);
    }

    private static Error notFound() {
        return new Error(ErrorCode.CLIENT_NOT_FOUND, "Deze client bestaat niet.", "clientId");
    }

    /**
     * Disables or enables a client; publisher staff only. A disabled client gets no token, and the tokens it holds are
     * refused from the next request on.
     */
    Changed setEnabled(String clientId, boolean enabled) {
        requirePublisher();
        int changed = jdbc.sql("update product_client set enabled = :enabled where client_id = :id")
                .param("enabled", enabled).param("id", clientId == null ? "" : clientId).update();
        if (changed == 0) {
            return new Changed(null, List.of(notFound()));
        }
        SecurityEvents.record(enabled ? SecurityEvents.Event.PRODUCT_CLIENT_ENABLED : SecurityEvents.Event.PRODUCT_CLIENT_DISABLED,
                "client", clientId, "by", CurrentUser.id());
        return new Changed(find(clientId), List.of());
    }

    /**
     * A new secret for the client, returned once and stored hashed; the old one stops working at once (tokens already
     * issued stay valid until they expire). Publisher staff only.
     */
    Registration rotateSecret(String clientId) {
        requirePublisher();
        String secret = newSecret();
        int changed = jdbc.sql("update product_client set secret_hash = :hash, secret_rotated_at = now() where client_id = :id")
                .param("hash", passwords.encode(secret)).param("id", clientId == null ? "" : clientId).update();
        if (changed == 0) {
            return new Registration(null, null, List.of(notFound()));
        }
        SecurityEvents.record(SecurityEvents.Event.PRODUCT_CLIENT_SECRET_ROTATED, "client", clientId, "by", CurrentUser.id());
        return new Registration(find(clientId), secret, List.of());
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Registers a client with a generated id and secret; publisher staff only. */
    Registration register(long productId, String name, List<Scope> scopes) {
        requirePublisher();
        List<Error> errors = new ArrayList<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            errors.add(new Error(ErrorCode.INVALID_NAME, "Geef de client een naam van 1 tot 200 tekens.", "name"));
        }
        if (scopes == null || scopes.isEmpty()) {
            errors.add(new Error(ErrorCode.NO_SCOPES, "Kies ten minste één scope.", "scopes"));
        }
        String code = jdbc.sql("select code from product where id = :id").param("id", productId).query(String.class).optional().orElse(null);
        if (code == null) {
            errors.add(new Error(ErrorCode.PRODUCT_NOT_FOUND, "Dit product bestaat niet.", "productId"));
        }
        if (!errors.isEmpty()) {
            return new Registration(null, null, errors);
        }
        String clientId = code.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
        String clientSecret = newSecret();
        Client client = insert(clientId, clientSecret, productId, trimmed, scopes, CurrentUser.require().getUsername());
        return new Registration(client, clientSecret, List.of());
    }

    /** Creates a client with a known id and secret unless it exists (demo data); true when created. */
    public boolean ensureClient(String clientId, String clientSecret, String productCode, String name) {
        if (jdbc.sql("select count(*) from product_client where client_id = :id").param("id", clientId).query(Long.class).single() > 0) {
            return false;
        }
        long productId = jdbc.sql("select id from product where code = :code").param("code", productCode).query(Long.class).single();
        insert(clientId, clientSecret, productId, name, List.of(Scope.values()), null);
        return true;
    }

    private Client insert(String clientId, String clientSecret, long productId, String name, List<Scope> scopes, String createdBy) {
        List<Scope> distinct = scopes.stream().distinct().toList();
        jdbc.sql("""
                insert into product_client (client_id, product_id, name, secret_hash, scopes, created_by)
                values (:id, :product, :name, :hash, :scopes, :by)
                """)
                .param("id", clientId).param("product", productId).param("name", name)
                .param("hash", passwords.encode(clientSecret))
                .param("scopes", distinct.stream().map(s -> s.value).collect(Collectors.joining(" ")))
                .param("by", createdBy)
                .update();
        return find(clientId);
    }
}
