package nl.klaspoort.basispoort.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.klaspoort.access.Publishers;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.audit.AuditTarget;
import nl.klaspoort.basispoort.BasispoortClient;
import nl.klaspoort.basispoort.BasispoortConnections;
import nl.klaspoort.basispoort.BasispoortData.SchoolDetails;
import nl.klaspoort.basispoort.BasispoortException;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.school.School;
import nl.klaspoort.school.Schools;
import nl.klaspoort.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * BP1. Basispoort cannot be searched by BRIN: a school not known yet is looked for among the details of the schools
 * that gave this publisher consent (a few at a time, stopping at the first match, skipping institutions other Klaspoort
 * schools are tied to), or by the Basispoort id the school gives. A known school is asked for its consent and details
 * directly (two requests).
 */
@Service
class ConnectionService implements BasispoortConnections {

    /** How many institutions' details are read at once while searching. */
    static final int SEARCH_PARALLELISM = 6;

    enum BasispoortAction implements nl.klaspoort.audit.AuditAction { BASISPOORT_SCHOOL_ACTIVATE }

    private final BasispoortClient client;
    private final Schools schools;
    private final SchoolAccess access;
    private final Publishers publisher;
    private final ConnectionStore store;
    private final ConnectionQueries queries;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;

    ConnectionService(BasispoortClient client, Schools schools, SchoolAccess access, Publishers publisher,
            ConnectionStore store, ConnectionQueries queries, AuditLog audit, JsonMapper json, Clock clock,
            TransactionTemplate tx) {
        this.tx = tx;
        this.client = client;
        this.schools = schools;
        this.access = access;
        this.publisher = publisher;
        this.store = store;
        this.queries = queries;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Connection connection(long schoolId) {
        requireAdminOrPublisher(schoolId);
        return queries.of(List.of(schoolId)).get(schoolId);
    }

    /** The connections of the schools where the signed-in user is ADMIN (or all of them for the publisher). */
    Map<Long, Connection> connections(List<Long> schoolIds) {
        List<Long> allowed = publisher.signedInIsPublisher() ? schoolIds : access.rolesAt(schoolIds).entrySet().stream()
                .filter(e -> e.getValue().contains(Role.ADMIN)).map(Map.Entry::getKey).toList();
        return allowed.isEmpty() ? Map.of() : queries.of(allowed);
    }

    @Override
    public Connection check(long schoolId, Long basispoortId) {
        School school = requireAdminOrPublisher(schoolId);
        Connection known = queries.of(List.of(schoolId)).get(schoolId);
        Found found = find(school, basispoortId != null ? basispoortId : known.basispoortId());
        Status status = found.status() == Status.NOT_ACTIVATED && known.activated() ? Status.CONNECTED : found.status();
        store.recordCheck(schoolId, found.identified() ? found.institution().id() : null, status, found.institution(),
                clock.instant());
        return queries.of(List.of(schoolId)).get(schoolId);
    }

    @Override
    public Connection activate(long schoolId, Long basispoortId) {
        publisher.require("activating a school for Basispoort");
        School school = schools.byId(schoolId).orElseThrow(() -> new AccessRefusedException(
                AccessRefusedException.Reason.NOT_FOUND, "school " + schoolId));
        Connection before = queries.of(List.of(schoolId)).get(schoolId);
        Found found = find(school, basispoortId != null ? basispoortId : before.basispoortId());
        if (!found.identified()) {
            store.recordCheck(schoolId, null, found.status(), found.institution(), clock.instant());
            return queries.of(List.of(schoolId)).get(schoolId);
        }
        long id = found.institution().id();
        tx.executeWithoutResult(status -> {
            store.activate(schoolId, id, CurrentUser.id(), clock.instant());
            store.recordCheck(schoolId, id, Status.CONNECTED, found.institution(), clock.instant());
            if (!before.activated()) {
                audit.record(schoolId, BasispoortAction.BASISPOORT_SCHOOL_ACTIVATE, List.of(new AuditLog.Entry(
                        new AuditTarget(AuditTarget.Type.SCHOOL, schoolId, school.name()),
                        "{}", json.writeValueAsString(Map.of("basispoortId", Long.toString(id))))));
            }
        });
        return queries.of(List.of(schoolId)).get(schoolId);
    }

    @Override
    public void activateKnown(long schoolId, long basispoortId) {
        store.activate(schoolId, basispoortId, null, clock.instant());
    }

    @Override
    public List<ActivatedSchool> activatedSchools() {
        return queries.activated();
    }

    private School requireAdminOrPublisher(long schoolId) {
        if (!publisher.signedInIsPublisher()) {
            access.require(schoolId, Role.ADMIN);
        }
        return schools.byId(schoolId).orElseThrow(() -> new AccessRefusedException(
                AccessRefusedException.Reason.NOT_FOUND, "school " + schoolId));
    }

    /** What looking for the school gave: its institution when identified (found, consent given, same BRIN). */
    record Found(Status status, Institution institution) {
        boolean identified() {
            return status == Status.NOT_ACTIVATED;
        }
    }

    private Found find(School school, Long basispoortId) {
        try {
            return basispoortId != null ? byId(school, basispoortId) : search(school);
        } catch (BasispoortException.NotConfigured e) {
            return new Found(Status.NOT_CONFIGURED, null);
        } catch (BasispoortException.TlsFailure e) {
            return new Found(Status.TLS_FAILURE, null);
        } catch (BasispoortException e) {
            return new Found(Status.UNAVAILABLE, null);
        }
    }

    private Found byId(School school, long basispoortId) {
        try {
            if (!client.hasSynchronizationPermission(basispoortId, false)) {
                return new Found(Status.NO_CONSENT, new Institution(basispoortId, null, null, null, null, true, null));
            }
            return judge(school, basispoortId, client.details(basispoortId));
        } catch (BasispoortException.SchoolNotFound e) {
            return new Found(Status.UNKNOWN_ID, new Institution(basispoortId, null, null, null, null, false, null));
        } catch (BasispoortException.NoConsent e) {
            return new Found(Status.NO_CONSENT, new Institution(basispoortId, null, null, null, null, true, null));
        }
    }

    private Found judge(School school, long basispoortId, SchoolDetails details) {
        Institution institution = new Institution(basispoortId, details.name(), details.brin(),
                dependance(details.dependanceCode()), details.city(), details.active(), details.mergedInto());
        if (!sameLocation(school, details)) {
            return new Found(Status.OTHER_SCHOOL, institution);
        }
        if (!details.active() || details.mergedInto() != null) {
            return new Found(Status.INACTIVE, institution);
        }
        if (queries.idsOfOtherSchools(school.id()).contains(basispoortId)) {
            return new Found(Status.OTHER_SCHOOL, institution);
        }
        return new Found(Status.NOT_ACTIVATED, institution);
    }

    /**
     * The consenting schools' details, {@value #SEARCH_PARALLELISM} at a time, until one has the school's BRIN and
     * dependance code.
     */
    private Found search(School school) {
        Set<Long> taken = queries.idsOfOtherSchools(school.id());
        List<Long> candidates = client.schoolIds().stream().filter(id -> !taken.contains(id)).toList();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int from = 0; from < candidates.size(); from += SEARCH_PARALLELISM) {
                List<Future<SchoolDetails>> batch = new ArrayList<>();
                for (long id : candidates.subList(from, Math.min(candidates.size(), from + SEARCH_PARALLELISM))) {
                    batch.add(executor.submit(() -> client.details(id)));
                }
                for (int i = 0; i < batch.size(); i++) {
                    SchoolDetails details = get(batch.get(i));
                    if (details != null && sameLocation(school, details)) {
                        return judge(school, candidates.get(from + i), details);
                    }
                }
            }
        }
        return new Found(Status.NOT_FOUND, null);
    }

    /** A candidate's details; null when this one could not be read (consent withdrawn meanwhile, gone). */
    private static SchoolDetails get(Future<SchoolDetails> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BasispoortException.Unavailable("interrupted while searching", null, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BasispoortException.SchoolNotFound || e.getCause() instanceof BasispoortException.NoConsent) {
                return null;
            }
            throw e.getCause() instanceof BasispoortException b ? b
                    : new BasispoortException.Unavailable("search failed", null, e.getCause());
        }
    }

    private static boolean sameLocation(School school, SchoolDetails details) {
        return details.brin() != null && details.brin().strip().toUpperCase(Locale.ROOT).equals(school.brin())
                && dependance(details.dependanceCode()).equals(school.branchCode());
    }

    /** "00" for the main location, however Basispoort writes it (absent, blank, "0"). */
    static String dependance(String code) {
        if (code == null || code.isBlank()) {
            return "00";
        }
        String stripped = code.strip();
        return stripped.length() == 1 ? "0" + stripped : stripped;
    }
}
