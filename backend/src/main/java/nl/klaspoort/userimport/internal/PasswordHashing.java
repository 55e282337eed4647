package nl.klaspoort.userimport.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.klaspoort.userimport.internal.ImportView.Progress;
import nl.klaspoort.userimport.internal.UserImportQueries.PendingPassword;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Secures the passwords of imported students ahead of the confirmation (X4): hashing is deliberately slow (about 50 ms
 * of CPU per password), so 1,000 pupils would cost the confirmation tens of seconds. After the upload the passwords
 * are hashed in the background, {@value #CHUNK} at a time on {@code klaspoort.imports.hashing-threads} threads, each
 * chunk stored at once and announced as progress; the confirmation then only copies hashes. An edit of a password
 * hashes that one itself. When this node did not (or could not) finish, the confirmation finishes the rest.
 */
@Component
class PasswordHashing {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordHashing.class);
    static final int CHUNK = 32;

    private final UserImportQueries queries;
    private final UserImportStore store;
    private final PasswordEncoder encoder;
    private final ExecutorService hashers;
    private final Map<UUID, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    private final Sinks.Many<Progress> progress = Sinks.many().multicast().directBestEffort();

    PasswordHashing(UserImportQueries queries, UserImportStore store, PasswordEncoder encoder,
            @Value("${klaspoort.imports.hashing-threads:0}") int threads) {
        this.queries = queries;
        this.store = store;
        this.encoder = encoder;
        int count = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.hashers = Executors.newFixedThreadPool(count, Thread.ofPlatform().name("import-hashing-", 1).daemon().factory());
    }

    /** Starts hashing the import's waiting passwords in the background (once per import on this node). */
    void start(ImportRecord record) {
        running.computeIfAbsent(record.id(), id -> {
            CompletableFuture<Void> job = CompletableFuture.runAsync(() -> hashWaiting(record),
                    command -> Thread.ofVirtual().name("import-hashing-" + id).start(command));
            job.whenComplete((done, failure) -> {
                running.remove(id);
                if (failure != null) {
                    LOG.warn("Hashing the passwords of import {} stopped; the confirmation finishes them", id, failure);
                }
            });
            return job;
        });
    }

    /** Waits for this node's background work on the import, then hashes whatever still waits (normally nothing). */
    void finish(ImportRecord record) {
        CompletableFuture<Void> job = running.get(record.id());
        if (job != null) {
            try {
                job.join();
            } catch (RuntimeException failure) {
                // reported by the job itself; what it left is hashed below
            }
        }
        hashWaiting(record);
    }

    /** The hash of one password, for an edit in the review step. */
    String hash(String password) {
        return encoder.encode(password);
    }

    /** Progress of every import hashed on this node, as it happens. */
    Flux<Progress> progress() {
        return progress.asFlux();
    }

    private void hashWaiting(ImportRecord record) {
        List<PendingPassword> waiting = queries.passwordsAwaitingHash(record.id());
        if (waiting.isEmpty()) {
            return;
        }
        UserImportQueries.HashProgress before = queries.hashProgress(record.id());
        int done = before.done();
        for (int from = 0; from < waiting.size(); from += CHUNK) {
            List<PendingPassword> chunk = waiting.subList(from, Math.min(waiting.size(), from + CHUNK));
            List<String> hashes = hashAll(chunk);
            store.saveHashes(record.id(), chunk.stream().map(PendingPassword::rowNumber).toList(),
                    chunk.stream().map(PendingPassword::password).toList(), hashes);
            done += chunk.size();
            announce(ImportReviews.progress(record, Math.min(done, before.total()), before.total()));
        }
    }

    private List<String> hashAll(List<PendingPassword> chunk) {
        List<Callable<String>> work = chunk.stream().<Callable<String>>map(p -> () -> encoder.encode(p.password())).toList();
        List<String> hashes = new ArrayList<>(chunk.size());
        try {
            for (Future<String> hash : hashers.invokeAll(work)) {
                hashes.add(hash.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing passwords", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing a password failed", e.getCause());
        }
        return hashes;
    }

    private synchronized void announce(Progress current) {
        progress.tryEmitNext(current);
    }
}
