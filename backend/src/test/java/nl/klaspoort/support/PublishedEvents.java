package nl.klaspoort.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The application's own events (types under {@code nl.klaspoort}) as they are published, on any thread (requests run on
 * the server's threads, so Spring's thread-bound {@code ApplicationEvents} would not see them). Tests look for the
 * events they caused by their own ids; the list is shared by all tests of the context.
 */
public final class PublishedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(Object event) {
        Object payload = event instanceof org.springframework.context.PayloadApplicationEvent<?> p ? p.getPayload() : event;
        if (payload.getClass().getName().startsWith("nl.klaspoort.")) {
            events.add(payload);
        }
    }

    /** Every event of this type published so far. */
    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        PublishedEvents publishedEvents() {
            return new PublishedEvents();
        }
    }
}
