package nl.klaspoort.productclient;

import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.PayloadError;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import nl.klaspoort.product.Product;
import nl.klaspoort.product.Products;
import nl.klaspoort.productclient.internal.ProductClientQueries;
import nl.klaspoort.productclient.internal.ProductClientStore;
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
    public enum Scope {
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

    public record Client(String clientId, long productId, String name, List<Scope> scopes) {}

    /** The error codes of product clients ({@code extend enum ErrorCode} in {@code results.graphqls}). */
    enum ProductClientError implements ErrorCode { PRODUCT_NOT_FOUND, NO_SCOPES }

    public record Registration(Client client, String clientSecret, List<PayloadError> errors) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_NAME = 200;

    private final ProductClientStore store;
    private final ProductClientQueries queries;
    private final Products products;
    private final PasswordEncoder passwords;
    private final Set<String> publisherAdmins;

    ProductClients(ProductClientStore store, ProductClientQueries queries, Products products, PasswordEncoder passwords,
            @Value("${klaspoort.publisher.admins:}") List<String> publisherAdmins) {
        this.store = store;
        this.queries = queries;
        this.products = products;
        this.passwords = passwords;
        this.publisherAdmins = publisherAdmins.stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** Registers a client with a generated id and secret; publisher staff only. */
    public Registration register(long productId, String name, List<Scope> scopes) {
        if (!publisherAdmins.contains(CurrentUser.require().getUsername().toLowerCase(Locale.ROOT))) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "registering product clients");
        }
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
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Client client = insert(clientId, clientSecret, productId, trimmed, scopes, CurrentUser.require().getUsername());
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
        return new Client(clientId, productId, name, distinct);
    }
}
