package nl.klaspoort.security.internal;

import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.KlaspoortUser;
import nl.klaspoort.security.LoginAccounts;
import nl.klaspoort.security.LoginRefusedException;
import nl.klaspoort.security.LoginRule;
import nl.klaspoort.security.LoginThrottle;
import nl.klaspoort.security.RequestLimits;
import nl.klaspoort.security.SecurityEvents;
import nl.klaspoort.security.SecurityHeaders;
import nl.klaspoort.security.SecuritySettings;
import nl.klaspoort.security.SingleSignOnUsers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Browser security: a session per signed-in user (in PostgreSQL, ended on a password reset, at most
 * {@code session-absolute-lifetime} long, never for a mere page view), CSRF tokens for the SPA (cookie
 * {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}; {@code __Host-} prefixed over https), a JSON login at
 * {@code POST /login} (e-mail for professionals, username for students) behind the {@link LoginThrottle}, the security
 * headers on every response, WebSocket handshakes from the application's own origins only, the per-caller
 * {@link RequestLimits} and deny by default. The SPA shell and its static assets carry no data and are public GETs;
 * all data is behind {@code /graphql}, which answers 401 to anyone not signed in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

    /**
     * New hashes are {@code {bcrypt-sha256}} (bcrypt for passwords of any length, see
     * {@link BcryptSha256PasswordEncoder}); hashes written before ({@code {bcrypt}}) keep working. A password over
     * bcrypt's 72 bytes simply does not match such an old hash (it could never have been set) instead of failing.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        PasswordEncoder oldBcrypt = new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return bcrypt.encode(rawPassword);
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return rawPassword != null && rawPassword.toString().getBytes(StandardCharsets.UTF_8).length <= 72
                        && bcrypt.matches(rawPassword, encodedPassword);
            }
        };
        return new DelegatingPasswordEncoder(BcryptSha256PasswordEncoder.ID,
                Map.of(BcryptSha256PasswordEncoder.ID, new BcryptSha256PasswordEncoder(), "bcrypt", oldBcrypt));
    }

    @Bean
    HostPrefixedCookies hostPrefixedCookies(SecuritySettings settings) {
        return new HostPrefixedCookies(settings.secureCookies());
    }

    @Bean
    CookieSerializer sessionCookie(HostPrefixedCookies cookies) {
        return cookies.sessionCookie();
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionsIndexedByUserId() {
        return repository -> repository.setIndexResolver(SessionLifetime.byUserId());
    }

    /** See {@link SparseSessionTouches}; {@code klaspoort.security.session-touch-interval}, zero = every request. */
    @Bean
    static BeanPostProcessor sparseSessionTouches(
            @org.springframework.beans.factory.annotation.Value("${klaspoort.security.session-touch-interval:1m}") java.time.Duration interval) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository sessions && !interval.isZero()
                        ? new SparseSessionTouches(sessions, interval) : bean;
            }
        };
    }

    /**
     * The session store dates a session (creation, last access) on the system clock, so its absolute lifetime is
     * measured on that clock too: on the application's clock a moved "today" (contract days in tests) would end it.
     */
    @Bean
    FilterRegistrationBean<SessionLifetime> sessionLifetime(SecuritySettings settings) {
        FilterRegistrationBean<SessionLifetime> registration = new FilterRegistrationBean<>(
                new SessionLifetime(settings.sessionAbsoluteLifetime(), Clock.systemUTC()));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }

    /** Its counters are in PostgreSQL, shared by every node; dated on the system clock (see {@link LoginThrottle}). */
    @Bean
    LoginThrottle loginThrottle(SecuritySettings settings, LoginThrottleStore store) {
        return new LoginThrottle(settings.login(), store, Clock.systemUTC());
    }

    @Bean
    RequestLimits requestLimits(SecuritySettings settings) {
        return new RequestLimits(settings.requests(), TimeMeter.SYSTEM_MILLISECONDS);
    }

    /**
     * The password login: the accounts of the e-mail address or username, the password (which picks among a username's
     * schools, see {@link PasswordLogin}), then every {@link LoginRule} of the other modules (BP7).
     */
    @Bean
    RuledLogin passwordLogin(LoginAccounts accounts, PasswordEncoder passwords, List<LoginRule> rules) {
        return new RuledLogin(new PasswordLogin(accounts, passwords), rules);
    }

    @Bean
    WebSocketOperations subscriptionsOnlyOverWebSocket() {
        return new WebSocketOperations();
    }

    @Bean
    SecurityFilterChain browserSecurity(HttpSecurity http, HostPrefixedCookies cookies, LoginThrottle throttle,
            RequestLimits limits, SecuritySettings settings, LoginAccounts users, RuledLogin passwordLogin, JsonMapper json,
            ObjectProvider<ClientRegistrationRepository> singleSignOnClients, List<SingleSignOnUsers> singleSignOnUsers)
            throws Exception {
        SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
        http.securityContext(context -> context.securityContextRepository(contexts));
        // "Inloggen met Basispoort" (BP4) when a registration is configured: GET /oauth2/authorization/basispoort starts
        // it, the provider returns to /login/oauth2/code/basispoort
        if (singleSignOnClients.getIfAvailable() != null) {
            SingleSignOn sso = new SingleSignOn(singleSignOnUsers, passwordLogin, contexts);
            http.oauth2Login(login -> login
                    .loginPage("/login")
                    .userInfoEndpoint(info -> info.oidcUserService(sso.userService()))
                    .successHandler(sso.success())
                    .failureHandler(sso.failure()));
        }
        http
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/graphql", "/graphql/**").authenticated()
                // file uploads and downloads beside GraphQL (EDEXML, spreadsheet imports, exports): signed in; the
                // owning module checks the school and the role
                .requestMatchers("/api/**").authenticated()
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").denyAll()
                .requestMatchers(HttpMethod.POST, "/login", "/logout").permitAll()
                // B1: choose a password with a mailed link, ask for such a link (module account)
                .requestMatchers(HttpMethod.POST, "/account/password", "/account/password-reset").permitAll()
                // the SPA shell, client-side routes and static assets: no data in them
                .requestMatchers(HttpMethod.GET, "/**").permitAll()
                .anyRequest().denyAll())
            .csrf(csrf -> csrf.spa()
                .csrfTokenRepository(cookies.csrfCookie())
                .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfProtection))
            .addFilterAfter(new CsrfCookieFilter(), org.springframework.security.web.csrf.CsrfFilter.class)
            .headers(SecurityHeaders.standard(settings))
            .addFilterAfter(new ContentSecurityPolicy(settings.launchOrigins()), HeaderWriterFilter.class)
            .addFilterAfter(new WebSocketOrigins(settings.allowedOrigins()), SecurityContextHolderFilter.class)
            .addFilterBefore(throttle.filter("/login", request -> request.getParameter("username"), false,
                    SecurityEvents.Event.LOGIN_THROTTLED, SecurityEvents.Event.LOGIN_FAILED),
                    UsernamePasswordAuthenticationFilter.class)
            .addFilterAfter(limits.filter(), AuthorizationFilter.class)
            .addFilterAfter(new PagesWithoutSession(), AuthorizationFilter.class)
            .requestCache(cache -> cache.requestCache(new NullRequestCache()))
            .formLogin(form -> form
                .loginPage("/login")
                .loginProcessingUrl("/login")
                .authenticationDetailsSource(LoginDetails::new)
                .successHandler((request, response, auth) -> {
                    throttle.succeeded(request.getParameter("username"));
                    SecurityEvents.record(SecurityEvents.Event.LOGIN_SUCCEEDED,
                            "user", auth.getPrincipal() instanceof KlaspoortUser user ? user.id() : "-", "ip", request.getRemoteAddr());
                    json(response, HttpStatus.OK, "{\"ok\":true}");
                })
                .failureHandler((request, response, e) -> {
                    String login = request.getParameter("username");
                    if (e instanceof LoginRefusedException refused) {
                        // the right password, but not allowed in from here (BP7): no failed attempt for the throttle
                        SecurityEvents.record(SecurityEvents.Event.LOGIN_FAILED, "user", userId(users, login),
                                "ip", request.getRemoteAddr(), "reason", refused.code());
                        json(response, HttpStatus.FORBIDDEN, "{\"ok\":false,\"error\":\"" + refused.code() + "\"}");
                        return;
                    }
                    if (e instanceof SchoolNeededException needed) {
                        // the right password for pupils at several schools: they choose theirs, no failed attempt
                        SecurityEvents.record(SecurityEvents.Event.LOGIN_FAILED, "user", userId(users, login),
                                "ip", request.getRemoteAddr(), "reason", "SCHOOL_NEEDED");
                        json(response, HttpStatus.CONFLICT, json.writeValueAsString(Map.of("ok", false,
                                "error", "SCHOOL_NEEDED", "schools", needed.schools())));
                        return;
                    }
                    throttle.failed(login, request.getRemoteAddr());
                    SecurityEvents.record(SecurityEvents.Event.LOGIN_FAILED, "user", userId(users, login),
                            "ip", request.getRemoteAddr(),
                            "reason", e instanceof DisabledException ? "ARCHIVED" : "BAD_CREDENTIALS");
                    json(response, HttpStatus.UNAUTHORIZED, "{\"ok\":false,\"error\":\"BAD_CREDENTIALS\"}");
                }))
            .logout(logout -> logout
                .logoutUrl("/logout")
                // the browser drops what the session left behind: cookies, storage, cache (ASVS 14.3.1)
                .addLogoutHandler(new HeaderWriterLogoutHandler(new ClearSiteDataHeaderWriter(
                        ClearSiteDataHeaderWriter.Directive.CACHE, ClearSiteDataHeaderWriter.Directive.COOKIES,
                        ClearSiteDataHeaderWriter.Directive.STORAGE)))
                .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
            .exceptionHandling(e -> e
                .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), AnyRequestMatcher.INSTANCE)
                .accessDeniedHandler((request, response, denied) -> {
                    SecurityEvents.record(denied instanceof CsrfException ? SecurityEvents.Event.CSRF_REFUSED
                                    : SecurityEvents.Event.ACCESS_REFUSED,
                            "user", CurrentUser.find().map(KlaspoortUser::id).map(String::valueOf).orElse("-"),
                            "method", request.getMethod(), "path", request.getServletPath(), "ip", request.getRemoteAddr());
                    response.sendError(HttpStatus.FORBIDDEN.value());
                }));
        return http.build();
    }

    /**
     * The ids of the accounts of a login name (pupils of several schools may share a username; {@code 12,57}), or
     * {@code unknown}: the log never holds the name itself.
     */
    private static String userId(LoginAccounts users, String login) {
        String ids = users.byLogin(login == null ? "" : login.strip().toLowerCase(java.util.Locale.ROOT)).stream()
                .map(a -> Long.toString(a.user().id())).collect(java.util.stream.Collectors.joining(","));
        return ids.isEmpty() ? "unknown" : ids;
    }

    /**
     * CSRF guards the ambient authority of a session cookie: every state-changing request that carries a session, and
     * the login itself and the account links' forms (no login CSRF). A request without a session has nothing to forge and is refused as
     * unauthenticated (401) instead.
     */
    static boolean needsCsrfProtection(HttpServletRequest request) {
        String method = request.getMethod();
        if (HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method)
                || HttpMethod.TRACE.matches(method)) {
            return false;
        }
        return "/login".equals(request.getServletPath()) || request.getServletPath().startsWith("/account/")
                || request.getRequestedSessionId() != null;
    }

    private static void json(HttpServletResponse response, HttpStatus status, String body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write(body);
    }

    /** Makes sure the XSRF-TOKEN cookie is sent with every response, so the SPA has it before its first POST. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
