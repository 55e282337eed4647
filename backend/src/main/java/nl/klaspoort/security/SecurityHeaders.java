package nl.klaspoort.security;

import nl.klaspoort.security.internal.ContentSecurityPolicy;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/** The security headers, the same in every filter chain (browser, product API, authorization server). */
public final class SecurityHeaders {

    private SecurityHeaders() {}

    /**
     * The headers of every response, in every filter chain: the default Content-Security-Policy (pages get one with
     * nonces), no framing, no MIME sniffing, the referrer only to this origin, HSTS for a year over https (and on every
     * response where secure cookies are forced, as in {@code prod}: the site is https-only), no caching of API and
     * sign-in answers. Written before the request is handled: the SPA shell comes from a forwarded servlet whose
     * response the container finishes before the filters regain control, so headers written afterwards were lost.
     */
    public static Customizer<HeadersConfigurer<HttpSecurity>> standard(SecuritySettings settings) {
        return headers -> headers
            .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            })
            // written eagerly, Spring's cache headers would also land on the static assets, which are cacheable
            .cacheControl(cache -> cache.disable())
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                    request -> !"GET".equals(request.getMethod()) || request.getServletPath().startsWith("/graphql")
                            || request.getServletPath().startsWith("/oauth2") || request.getServletPath().startsWith("/actuator"),
                    new CacheControlHeadersWriter()))
            .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.DEFAULT))
            .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
            .contentTypeOptions(options -> { })
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .httpStrictTransportSecurity(hsts -> {
                hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000);
                if (settings.secureCookies()) {
                    hsts.requestMatcher(AnyRequestMatcher.INSTANCE);
                }
            });
    }

}
