package nl.klaspoort.productclient;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.UUID;
import nl.klaspoort.security.LoginThrottle;
import nl.klaspoort.security.RequestLimits;
import nl.klaspoort.security.SecurityEvents;
import nl.klaspoort.security.SecurityHeaders;
import nl.klaspoort.security.SecuritySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The product API's security (RS6): an OAuth2 authorization server that issues JWT access tokens to products with the
 * client_credentials grant, and a stateless chain that accepts those tokens on {@code /graphql}. Filter chains in
 * order: (1) the authorization server ({@code /oauth2/**}, {@code /.well-known/**}), (2) {@code /graphql} requests
 * carrying {@code Authorization: Bearer}, (3) the browser chain of {@code security.SecurityConfiguration} (no
 * {@code @Order}: lowest precedence, it matches every other request).
 *
 * <p>The signing key is an RSA key pair generated at start: tokens do not survive a restart (products simply ask for a
 * new one) and a cluster would need a shared key. Tokens live 30 minutes. Access tokens are self-contained JWTs, so
 * issued authorizations are not kept ({@link #authorizationService()}); revoking a client takes effect when its tokens
 * expire.
 */
@Configuration(proxyBeanMethods = false)
class ProductClientSecurity {

    static final String PRODUCT_CLAIM = "product_id";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http, ProductClientRepository clients,
            LoginThrottle throttle, SecuritySettings settings) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        RequestMatcher endpoints = authorizationServer.getEndpointsMatcher();
        http
            .securityMatcher(new OrRequestMatcher(endpoints, request -> request.getServletPath().startsWith("/.well-known/")))
            .with(authorizationServer, server -> server.registeredClientRepository(clients))
            .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.ignoringRequestMatchers(endpoints))
            .headers(SecurityHeaders.standard(settings))
            // guessing a client's secret is throttled like guessing a password (per client id and per IP address)
            .addFilterBefore(throttle.filter("/oauth2/token", ProductClientSecurity::clientId, true,
                    SecurityEvents.Event.TOKEN_REQUEST_THROTTLED, SecurityEvents.Event.TOKEN_REQUEST_FAILED),
                    SecurityContextHolderFilter.class)
            .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain productApiSecurity(HttpSecurity http, RequestLimits limits, SecuritySettings settings) throws Exception {
        http
            .securityMatcher(ProductClientSecurity::isBearerGraphQlRequest)
            .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
            .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .headers(SecurityHeaders.standard(settings))
            .addFilterAfter(limits.filter(), AuthorizationFilter.class)
            .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** The client id of a token request: from HTTP Basic, else the {@code client_id} form field. */
    static String clientId(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return URLDecoder.decode(colon < 0 ? decoded : decoded.substring(0, colon), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return request.getParameter("client_id");
    }

    static boolean isBearerGraphQlRequest(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return "/graphql".equals(request.getServletPath()) && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    RSAKey signingKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey signingKey) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey));
    }

    @Bean
    JwtDecoder jwtDecoder(RSAKey signingKey) throws Exception {
        return NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
    }

    /** Puts the product the client acts for into its access tokens. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> productClaim() {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                Long productId = context.getRegisteredClient().getClientSettings().getSetting(ProductClientRepository.PRODUCT_SETTING);
                context.getClaims().claim(PRODUCT_CLAIM, productId);
            }
        };
    }

    /** Client-credentials JWTs are self-contained: nothing to remember about an authorization. */
    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new OAuth2AuthorizationService() {
            @Override public void save(OAuth2Authorization authorization) {}
            @Override public void remove(OAuth2Authorization authorization) {}
            @Override public OAuth2Authorization findById(String id) { return null; }
            @Override public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) { return null; }
        };
    }
}
