package nl.klaspoort.productclient.internal;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import nl.klaspoort.productclient.ProductToken;
import nl.klaspoort.security.LoginThrottle;
import nl.klaspoort.security.RequestLimits;
import nl.klaspoort.security.SecurityEvents;
import nl.klaspoort.security.SecurityHeaders;
import nl.klaspoort.security.SecuritySettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The product API's security (RS6): an OAuth2 authorization server that issues JWT access tokens to products with the
 * client_credentials grant, and a stateless chain that accepts those tokens on {@code /graphql}. Filter chains in
 * order: (1) the authorization server ({@code /oauth2/**}, {@code /.well-known/**}), (2) {@code /graphql} requests
 * carrying {@code Authorization: Bearer}, (3) the browser chain of the security module (no {@code @Order}: lowest
 * precedence, it matches every other request).
 *
 * <p>The signing keys are {@link SigningKeys}: kept in the database, encrypted, rotated, shared by every node. Tokens
 * live {@code klaspoort.tokens.lifetime} (30 minutes), carry the fixed issuer and the API audience, and are checked
 * for both. Access tokens are self-contained JWTs, so issued authorizations are not kept
 * ({@link #authorizationService()}); a disabled client's tokens are refused at once (the decoder asks).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenSettings.class)
class ProductClientSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http, ProductClientQueries clients, LoginThrottle throttle,
            SecuritySettings settings) throws Exception {
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

    static boolean isBearerGraphQlRequest(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return "/graphql".equals(request.getServletPath()) && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
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

    @Bean
    AuthorizationServerSettings authorizationServerSettings(TokenSettings tokens) {
        // a fixed issuer: never derived from the request's Host header
        return AuthorizationServerSettings.builder().issuer(tokens.issuer()).build();
    }

    @Bean
    SigningKeys signingKeys(SigningKeyStore store, TransactionTemplate transactions, TokenSettings tokens,
            Environment environment, Clock clock) {
        SigningKeys keys = new SigningKeys(store, transactions,
                SigningKeys.keyEncryptionKey(tokens, environment.acceptsProfiles(Profiles.of("prod"))), tokens, clock);
        keys.start();
        return keys;
    }

    /** The published key set ({@code /oauth2/jwks}): every key whose tokens may still be valid. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return keys.verificationSource();
    }

    /** Signs with the one current key. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys.signingSource());
    }

    /**
     * Accepts a token only when it is signed by one of our keys, within its lifetime by the application's clock,
     * issued by our fixed issuer, meant for the product API (audience), and its client is still enabled (a disabled
     * client's tokens stop working at once).
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, TokenSettings tokens, ProductClientQueries clients, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.verificationSource()).build();
        JwtTimestampValidator lifetime = new JwtTimestampValidator();
        lifetime.setClock(clock);
        OAuth2TokenValidator<Jwt> enabledClient = jwt -> clients.enabled(jwt.getSubject())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The client is disabled", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithValidators(List.of(lifetime)),
                new JwtIssuerValidator(tokens.issuer()), new JwtAudienceValidator(tokens.audience()), enabledClient));
        return decoder;
    }

    /**
     * Issues the access tokens: JWTs stamped by the application's clock, carrying the product the client acts for
     * ({@link ProductToken#PRODUCT_CLAIM}) and the API audience.
     */
    @Bean
    OAuth2TokenGenerator<Jwt> tokenGenerator(JwtEncoder encoder, TokenSettings tokens, Clock clock) {
        JwtGenerator generator = new JwtGenerator(encoder);
        generator.setClock(clock);
        generator.setJwtCustomizer(context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                Long productId = context.getRegisteredClient().getClientSettings().getSetting(ProductClientQueries.PRODUCT_SETTING);
                context.getClaims().claim(ProductToken.PRODUCT_CLAIM, productId).audience(List.of(tokens.audience()));
            }
        });
        return generator;
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
