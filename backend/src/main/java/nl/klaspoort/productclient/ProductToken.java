package nl.klaspoort.productclient;


import nl.klaspoort.platform.AccessRefusedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The product calling the API with a bearer token (client credentials), as {@code CurrentUser} is for browser
 * sessions. Product-only operations ask here first; a signed-in person, or a token without the scope, is refused.
 */
public final class ProductToken {

    /** The claim of an access token that names the product it was issued to. */
    public static final String PRODUCT_CLAIM = "product_id";
    /** Report practice sessions. */
    public static final String RESULTS_WRITE = "results.write";
    /** Read the product's own practice sessions. */
    public static final String RESULTS_READ = "results.read";

    private ProductToken() {}

    /** The id of the calling product when its token carries {@code scope}; otherwise refused (FORBIDDEN). */
    public static long requireProduct(String scope) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken token) || !(token.getToken().getClaim(PRODUCT_CLAIM) instanceof Number product)) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "a product token is required");
        }
        if (token.getAuthorities().stream().noneMatch(a -> ("SCOPE_" + scope).equals(a.getAuthority()))) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "scope " + scope);
        }
        return product.longValue();
    }
}
