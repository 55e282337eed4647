package nl.klaspoort.roster.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.klaspoort.basispoort.BasispoortConnections;
import nl.klaspoort.basispoort.BasispoortConnections.ActivatedSchool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly Basispoort sync (BP3): every activated school, {@code parallelism} at a time, once across all nodes (the
 * round's advisory lock; a node whose cron fires while another node runs the round skips it). A round cut off (its
 * process killed) is resumed at the next start: schools already synchronised cost one request each (unchanged), the
 * others are read again, and since every school's run is applied in one transaction, nothing is done twice.
 */
@Component
class NightlySync {

    private static final Logger log = LoggerFactory.getLogger(NightlySync.class);

    /** A finished round: its id and the runs of its schools. */
    record Round(UUID id, List<Run> runs) {}

    private final BasispoortConnections connections;
    private final RosterService service;
    private final RunStore store;
    private final LockStore locks;
    private final RosterProperties properties;

    NightlySync(BasispoortConnections connections, RosterService service, RunStore store, LockStore locks,
            RosterProperties properties) {
        this.connections = connections;
        this.service = service;
        this.store = store;
        this.locks = locks;
        this.properties = properties;
    }

    @Scheduled(cron = "${klaspoort.roster.nightly-cron:0 30 2 * * *}", zone = "Europe/Amsterdam")
    void nightly() {
        run("NIGHTLY", false);
    }

    /** At start: a round that was cut off is resumed (unless switched off). */
    @EventListener(ApplicationReadyEvent.class)
    void resumeAtStart() {
        if (properties.resumeOnStart()) {
            Thread.ofVirtual().name("roster-resume").start(this::resume);
        }
    }

    /** Resumes a round that was cut off, if there is one and nobody runs a round now. */
    Optional<Round> resume() {
        return run("RESUMED", true);
    }

    /** A round now; empty when another round runs (here or on another node). */
    Optional<Round> round() {
        return run("ON_REQUEST", false);
    }

    private Optional<Round> run(String trigger, boolean onlyWhenInterrupted) {
        try (LockStore.RoundLock lock = locks.tryRound()) {
            if (lock == null) {
                log.info("Basispoort round ({}) skipped: another round runs", trigger);
                return Optional.empty();
            }
            int interrupted = store.interruptRunningRounds(); // we hold the lock: whatever says RUNNING is dead
            if (onlyWhenInterrupted && interrupted == 0) {
                return Optional.empty();
            }
            UUID roundId = UUID.randomUUID();
            store.startRound(roundId, trigger);
            List<ActivatedSchool> schools = connections.activatedSchools();
            long started = System.nanoTime();
            List<Run> runs = new java.util.ArrayList<>();
            try (ExecutorService workers = Executors.newFixedThreadPool(properties.parallelism(),
                    Thread.ofVirtual().name("roster-sync-", 1).factory())) {
                List<Future<Run>> futures = schools.stream()
                        .map(school -> workers.submit(() -> service.sync(school, Run.Trigger.NIGHTLY, roundId, null)))
                        .toList();
                for (int i = 0; i < futures.size(); i++) {
                    try {
                        runs.add(futures.get(i).get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        log.warn("Basispoort sync of school {} failed", schools.get(i).schoolId(), e.getCause());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            store.finishRound(roundId, schools.size());
            log.info("Basispoort round {} ({}): {} schools in {} ms", roundId, trigger, schools.size(),
                    (System.nanoTime() - started) / 1_000_000);
            return Optional.of(new Round(roundId, runs));
        }
    }
}
