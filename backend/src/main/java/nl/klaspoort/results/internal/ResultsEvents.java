package nl.klaspoort.results.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Fan-out of recorded results to the live subscriptions of every application node on the database: the statement
 * that inserts sessions ({@link SessionStore}) also sends a PostgreSQL notification on channel {@value #CHANNEL},
 * delivered when it commits, and each node — the sending one too — listens on one connection of its pool, kept for
 * this, and hands what arrives to its subscribers. A node that lost its listening connection opens a new one within a
 * second; changes notified meanwhile do not reach its subscribers (they are hints to refresh, the data stays in the
 * database).
 */
@Component
public class ResultsEvents implements SmartLifecycle {

    static final String CHANNEL = "klaspoort_results";
    private static final Logger log = LoggerFactory.getLogger(ResultsEvents.class);

    private final Sinks.Many<ResultsChange> sink = Sinks.many().multicast().directBestEffort();
    private final DataSource dataSource;
    private volatile boolean running;
    private Thread listener;

    ResultsEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A notification's payload, {@code school:product:student,student,…} (sent by {@link SessionStore}). */
    static ResultsChange parse(String payload) {
        String[] parts = payload.split(":", 3);
        List<Long> students = parts[2].isEmpty() ? List.of()
                : Arrays.stream(parts[2].split(",")).map(Long::valueOf).toList();
        return new ResultsChange(Long.parseLong(parts[0]), Long.parseLong(parts[1]), students);
    }

    Flux<ResultsChange> changes() {
        return sink.asFlux();
    }

    /** Live subscriptions on this node right now (for tests and monitoring). */
    public int subscribers() {
        return sink.currentSubscriberCount();
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("results-notifications").start(this::listen);
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = notifications.getNotifications(500);
                    if (arrived != null) {
                        for (PGNotification notification : arrived) {
                            emit(parse(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening for results notifications failed, listening again in a second: {}", e.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }

    /** Serialised: the sink takes one emitter at a time. */
    private synchronized void emit(ResultsChange change) {
        sink.tryEmitNext(change);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
