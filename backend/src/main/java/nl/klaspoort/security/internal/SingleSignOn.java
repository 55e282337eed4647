package nl.klaspoort.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import nl.klaspoort.security.KlaspoortUser;
import nl.klaspoort.security.LoginRefusedException;
import nl.klaspoort.security.SecurityEvents;
import nl.klaspoort.security.SingleSignOnUsers;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * "Inloggen met Basispoort" (BP4) through Spring Security's OpenID Connect login: after the provider's ID token is
 * checked, the person is found through their Basispoort link ({@link SingleSignOnUsers}), must be active at a school,
 * and passes the same {@link nl.klaspoort.security.LoginRule}s as a password login (BP7); then the session holds the
 * {@link KlaspoortUser} exactly as after a password login and the browser goes to the start page (dashboard or a
 * pupil's tiles). Every refusal goes back to {@code /login?sso=CODE}, where the SPA shows it in Dutch; nothing of the
 * identity (name, e-mail, ECK iD) is logged.
 */
final class SingleSignOn {

    /** Refusal codes besides the login rules' ({@code login.sso.*} in the bundles). */
    static final String NO_LINK = "NO_LINK";
    static final String ARCHIVED = "ARCHIVED";
    static final String FAILED = "FAILED";

    private final List<SingleSignOnUsers> users;
    private final RuledLogin rules;
    private final SecurityContextRepository contexts;
    private final OidcUserService oidc = new OidcUserService();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    SingleSignOn(List<SingleSignOnUsers> users, RuledLogin rules, SecurityContextRepository contexts) {
        this.users = List.copyOf(users);
        this.rules = rules;
        this.contexts = contexts;
    }

    /** The OIDC user, carrying the Klaspoort user it is linked to; refusals as {@link OAuth2AuthenticationException}. */
    OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        return request -> {
            OidcUser identity = oidc.loadUser(request);
            String registration = request.getClientRegistration().getRegistrationId();
            KlaspoortUser user = users.stream()
                    .map(u -> u.find(registration, identity.getClaims()))
                    .flatMap(Optional::stream).findFirst()
                    .orElseThrow(() -> refusal(NO_LINK));
            if (!user.isEnabled()) {
                throw refusal(ARCHIVED, user);
            }
            try {
                rules.check(user, clientAddress());
            } catch (LoginRefusedException e) {
                throw refusal(e.code(), user);
            }
            return new Linked(identity, user);
        };
    }

    /** The session gets the Klaspoort user, as after a password login; then the start page. */
    AuthenticationSuccessHandler success() {
        return (request, response, authentication) -> {
            KlaspoortUser user = ((Linked) authentication.getPrincipal()).user();
            UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null,
                    user.getAuthorities());
            signedIn.setDetails(details.buildDetails(request));
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(signedIn);
            holder.setContext(context);
            contexts.saveContext(context, request, response);
            SecurityEvents.record(SecurityEvents.Event.LOGIN_SUCCEEDED, "user", user.id(), "via", "sso",
                    "ip", request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + "/");
        };
    }

    /** Back to the login page with the reason. */
    AuthenticationFailureHandler failure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String code = e instanceof OAuth2AuthenticationException o && o.getError().getErrorCode().matches("[A-Z_]{1,40}")
                    ? o.getError().getErrorCode() : FAILED;
            SecurityEvents.record(SecurityEvents.Event.LOGIN_FAILED, "user",
                    e instanceof Refused refused ? refused.userId : "unknown", "via", "sso", "ip", request.getRemoteAddr(),
                    "reason", code);
            response.sendRedirect(request.getContextPath() + "/login?sso=" + code);
        };
    }

    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }

    private static OAuth2AuthenticationException refusal(String code) {
        return new Refused(code, "unknown");
    }

    private static OAuth2AuthenticationException refusal(String code, KlaspoortUser user) {
        return new Refused(code, Long.toString(user.id()));
    }

    /** A refusal with the id of the person refused, for the security log. */
    private static final class Refused extends OAuth2AuthenticationException {
        private final String userId;

        Refused(String code, String userId) {
            super(new OAuth2Error(code));
            this.userId = userId;
        }
    }

    /** The provider's identity and the Klaspoort user it is linked to (only until the success handler swaps it). */
    static final class Linked extends DefaultOidcUser {
        private final KlaspoortUser user;

        Linked(OidcUser identity, KlaspoortUser user) {
            super(identity.getAuthorities(), identity.getIdToken(), identity.getUserInfo());
            this.user = user;
        }

        KlaspoortUser user() {
            return user;
        }
    }
}
