package nl.klaspoort.productclient;

import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.PayloadError;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import java.util.UUID;
import java.util.stream.Collectors;
import nl.klaspoort.access.Publishers;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.SecurityEvents;
import nl.klaspoort.product.Product;
import nl.klaspoort.product.Products;
import nl.klaspoort.productclient.internal.ProductClientQueries;
import nl.klaspoort.productclient.internal.ProductClientStore;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * OAuth2 clients of products: registered, listed, disabled and enabled, and given a new secret by the publisher's staff
 * (PUBLISHER, see {@code access.Publishers}: a role held by person, never an e-mail comparison). A secret is generated
 * here, returned once and stored as a hash; {@code created_by} holds the registering person's id.
 */
@Service
public class ProductClients {

    /** Scope names as granted in tokens, by the GraphQL enum value. */
    public enum Scope {
        RESULTS_WRITE(ProductToken.RESULTS_WRITE), RESULTS_READ(ProductToken.RESULTS_READ);

        final String value;

        Scope(String value) { this.value = value; }

        public static Scope of(String value) {
            for (Scope scope : values()) {
                if (scope.value.equals(value)) {
                    return scope;
                }
            }
            throw new IllegalArgumentException(value);
        }
    }

    /** A client as the publisher sees it. */
    public record Client(String clientId, long productId, String name, List<Scope> scopes, boolean enabled,
            OffsetDateTime createdAt, OffsetDateTime secretRotatedAt) {}

    /**
     * The error codes of product clients ({@code extend enum ErrorCode} in {@code results.graphqls} and
     * {@code productclients.graphqls}).
     */
    enum ProductClientError implements ErrorCode { PRODUCT_NOT_FOUND, NO_SCOPES, CLIENT_NOT_FOUND }

    /** The result of enabling or disabling a client. */
    public record Changed(Client client, List<PayloadError> errors) {}

    public record Registration(Client client, String clientSecret, List<PayloadError> errors) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_NAME = 200;

    private final ProductClientStore store;
    private final ProductClientQueries queries;
    private final Products products;
    private final PasswordEncoder passwords;
    private final Publishers publishers;

    ProductClients(ProductClientStore store, ProductClientQueries queries, Products products, PasswordEncoder passwords,
            Publishers publishers) {
        this.store = store;
        this.queries = queries;
        this.products = products;
        this.passwords = passwords;
        this.publishers = publishers;
    }

    /** Publisher staff only (PUBLISHER, held by person); everyone else is refused (FORBIDDEN). */
    private void requirePublisher() {
        publishers.require("managing product clients");
    }

    /** Every product's clients, by product and name; publisher staff only. */
    public List<Client> list() {
        requirePublisher();
        return queries.clients();
    }

    /**
     * Disables or enables a client; publisher staff only. A disabled client gets no token, and the tokens it holds are
     * refused from the next request on.
     */
    public Changed setEnabled(String clientId, boolean enabled) {
        requirePublisher();
        if (clientId == null || !store.setEnabled(clientId, enabled)) {
            return new Changed(null, List.of(PayloadError.of(ProductClientError.CLIENT_NOT_FOUND).field("clientId")));
        }
        SecurityEvents.record(enabled ? SecurityEvents.Event.PRODUCT_CLIENT_ENABLED : SecurityEvents.Event.PRODUCT_CLIENT_DISABLED,
                "client", clientId, "by", CurrentUser.id());
        return new Changed(queries.client(clientId).orElseThrow(), List.of());
    }

    /**
     * A new secret for the client, returned once and stored hashed; the old one stops working at once (tokens already
     * issued stay valid until they expire). Publisher staff only.
     */
    public Registration rotateSecret(String clientId) {
        requirePublisher();
        String secret = newSecret();
        if (clientId == null || !store.replaceSecret(clientId, passwords.encode(secret))) {
            return new Registration(null, null, List.of(PayloadError.of(ProductClientError.CLIENT_NOT_FOUND).field("clientId")));
        }
        SecurityEvents.record(SecurityEvents.Event.PRODUCT_CLIENT_SECRET_ROTATED, "client", clientId, "by", CurrentUser.id());
        return new Registration(queries.client(clientId).orElseThrow(), secret, List.of());
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Registers a client with a generated id and secret; publisher staff only. */
    public Registration register(long productId, String name, List<Scope> scopes) {
        requirePublisher();
        List<PayloadError> errors = new ArrayList<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            errors.add(PayloadError.of(CommonError.INVALID_NAME).field("name").param("kind", "client"));
        } else if (trimmed.length() > MAX_NAME) {
            errors.add(PayloadError.of(CommonError.TOO_LONG).field("name").param("max", MAX_NAME));
        }
        if (scopes == null || scopes.isEmpty()) {
            errors.add(PayloadError.of(ProductClientError.NO_SCOPES).field("scopes"));
        }
        String code = products.byId(productId).map(Product::code).orElse(null);
        if (code == null) {
            errors.add(PayloadError.of(ProductClientError.PRODUCT_NOT_FOUND).field("productId"));
        }
        if (!errors.isEmpty()) {
            return new Registration(null, null, errors);
        }
        String clientId = code.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
        String clientSecret = newSecret();
        Client client = insert(clientId, clientSecret, productId, trimmed, scopes, Long.toString(CurrentUser.id()));
        return new Registration(client, clientSecret, List.of());
    }

    /** Creates a client with a known id and secret unless it exists (demo data); true when created. */
    public boolean ensureClient(String clientId, String clientSecret, String productCode, String name) {
        if (queries.exists(clientId)) {
            return false;
        }
        long productId = products.byCode(productCode).orElseThrow().id();
        insert(clientId, clientSecret, productId, name, List.of(Scope.values()), null);
        return true;
    }

    private Client insert(String clientId, String clientSecret, long productId, String name, List<Scope> scopes, String createdBy) {
        List<Scope> distinct = scopes.stream().distinct().toList();
        store.insert(clientId, productId, name, passwords.encode(clientSecret),
                distinct.stream().map(scope -> scope.value).collect(Collectors.joining(" ")), createdBy);
        return queries.client(clientId).orElseThrow();
    }
}
