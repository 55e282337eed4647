package nl.klaspoort.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser security: a session per signed-in user, CSRF tokens for the SPA (cookie {@code XSRF-TOKEN}, header
 * {@code X-XSRF-TOKEN}), a JSON login at {@code POST /login} (e-mail for professionals, username for students) and
 * deny by default. The SPA shell and its static assets carry no data and are public GETs; all data is behind
 * {@code /graphql}, which answers 401 to anyone not signed in.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain browserSecurity(HttpSecurity http) throws Exception {
        http
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/graphql", "/graphql/**").authenticated()
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").denyAll()
                .requestMatchers(HttpMethod.POST, "/login", "/logout").permitAll()
                // B1: choose a password with a mailed link, ask for such a link (module account)
                .requestMatchers(HttpMethod.POST, "/account/password", "/account/password-reset").permitAll()
                // the SPA shell, client-side routes and static assets: no data in them
                .requestMatchers(HttpMethod.GET, "/**").permitAll()
                .anyRequest().denyAll())
            .csrf(csrf -> csrf.spa().requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfProtection))
            .addFilterAfter(new CsrfCookieFilter(), org.springframework.security.web.csrf.CsrfFilter.class)
            .formLogin(form -> form
                .loginPage("/login")
                .loginProcessingUrl("/login")
                .successHandler((request, response, auth) -> json(response, HttpStatus.OK, "{\"ok\":true}"))
                .failureHandler((request, response, e) ->
                        json(response, HttpStatus.UNAUTHORIZED, "{\"ok\":false,\"error\":\"BAD_CREDENTIALS\"}")))
            .logout(logout -> logout
                .logoutUrl("/logout")
                .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
            .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), AnyRequestMatcher.INSTANCE));
        return http.build();
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
