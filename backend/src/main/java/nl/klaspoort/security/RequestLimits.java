package nl.klaspoort.security;

import io.github.bucket4j.TimeMeter;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.klaspoort.security.internal.KeyedBuckets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What one caller may ask of {@code POST /graphql} ({@link SecuritySettings.Requests}): per signed-in user and per
 * product client a token bucket (burst, then a steady rate) and a cap on requests running at once. A caller over
 * either gets 429 with a Retry-After header and a GraphQL-shaped body with {@code extensions.code}
 * {@code TOO_MANY_REQUESTS}; the others do not notice. Requests without a caller are refused by authentication first.
 */
public final class RequestLimits {

    private final KeyedBuckets rates;
    private final int maxConcurrent;
    private final ConcurrentHashMap<String, AtomicInteger> running = new ConcurrentHashMap<>();

    public RequestLimits(SecuritySettings.Requests settings, TimeMeter time) {
        this.rates = new KeyedBuckets(settings.burst(), Duration.ofNanos(1_000_000_000L / Math.max(1, settings.perSecond())),
                100_000, time);
        this.maxConcurrent = settings.concurrent();
    }

    /** The caller's key: {@code user:<id>} for a person, {@code client:<client id>} for a product; null for nobody. */
    public static String caller(Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) {
            return null;
        }
        if (auth.getPrincipal() instanceof KlaspoortUser user) {
            return "user:" + user.id();
        }
        return "client:" + auth.getName();
    }

    /** The filter, for every chain that serves {@code /graphql}; place it after authentication. */
    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod()) || !"/graphql".equals(request.getServletPath());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String caller = caller(SecurityContextHolder.getContext().getAuthentication());
                if (caller == null) {
                    chain.doFilter(request, response);
                    return;
                }
                Duration wait = rates.take(caller);
                if (!wait.isZero()) {
                    refuse(request, response, caller, "RATE", wait);
                    return;
                }
                AtomicInteger count = running.computeIfAbsent(caller, k -> new AtomicInteger());
                if (count.incrementAndGet() > maxConcurrent) {
                    release(caller, count);
                    refuse(request, response, caller, "CONCURRENCY", Duration.ofSeconds(1));
                    return;
                }
                AtomicBoolean released = new AtomicBoolean();
                Runnable done = () -> {
                    if (released.compareAndSet(false, true)) {
                        release(caller, count);
                    }
                };
                try {
                    chain.doFilter(request, response);
                } finally {
                    if (request.isAsyncStarted()) {
                        request.getAsyncContext().addListener(new AsyncListener() {
                            @Override public void onComplete(AsyncEvent event) { done.run(); }
                            @Override public void onTimeout(AsyncEvent event) { done.run(); }
                            @Override public void onError(AsyncEvent event) { done.run(); }
                            @Override public void onStartAsync(AsyncEvent event) { }
                        });
                    } else {
                        done.run();
                    }
                }
            }
        };
    }

    private void release(String caller, AtomicInteger count) {
        if (count.decrementAndGet() <= 0) {
            running.remove(caller, count);
        }
    }

    /** Requests running now for the caller key (for tests and monitoring). */
    int running(String caller) {
        AtomicInteger count = running.get(caller);
        return count == null ? 0 : count.get();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String caller, String limit,
            Duration wait) throws IOException {
        long seconds = LoginThrottle.seconds(wait);
        SecurityEvents.record(SecurityEvents.Event.REQUEST_LIMITED, "caller", caller, "limit", limit,
                "retryAfterSeconds", seconds);
        boolean english = request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage());
        String message = english ? "Too many requests at once; try again in " + seconds + " s."
                : "Te veel verzoeken tegelijk; probeer het over " + seconds + " s opnieuw.";
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"errors":[{"message":"%s","extensions":{"classification":"TOO_MANY_REQUESTS","code":"TOO_MANY_REQUESTS",\
                "params":{"retryAfterSeconds":%d}}}]}""".formatted(message, seconds));
    }
}
