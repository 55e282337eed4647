package nl.klaspoort.productclient.internal;

import nl.klaspoort.productclient.ProductToken;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
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
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
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

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http, ProductClientQueries clients) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        RequestMatcher endpoints = authorizationServer.getEndpointsMatcher();
        http
            .securityMatcher(new OrRequestMatcher(endpoints, request -> request.getServletPath().startsWith("/.well-known/")))
            .with(authorizationServer, server -> server.registeredClientRepository(clients))
            .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.ignoringRequestMatchers(endpoints))
            .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain productApiSecurity(HttpSecurity http) throws Exception {
        http
            .securityMatcher(ProductClientSecurity::isBearerGraphQlRequest)
            .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
            .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable());
        return http.build();
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

    /** Checks the bearer tokens, their lifetime by the application's clock. */
    @Bean
    JwtDecoder jwtDecoder(RSAKey signingKey, Clock clock) throws Exception {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
        JwtTimestampValidator lifetime = new JwtTimestampValidator();
        lifetime.setClock(clock);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(lifetime)));
        return decoder;
    }

    /**
     * Issues the access tokens: JWTs stamped by the application's clock, carrying the product the client acts for
     * ({@link ProductToken#PRODUCT_CLAIM}).
     */
    @Bean
    OAuth2TokenGenerator<Jwt> tokenGenerator(JWKSource<SecurityContext> jwkSource, Clock clock) {
        JwtGenerator generator = new JwtGenerator(new NimbusJwtEncoder(jwkSource));
        generator.setClock(clock);
        generator.setJwtCustomizer(context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                Long productId = context.getRegisteredClient().getClientSettings().getSetting(ProductClientQueries.PRODUCT_SETTING);
                context.getClaims().claim(ProductToken.PRODUCT_CLAIM, productId);
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
