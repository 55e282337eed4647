package nl.klaspoort.roster.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.klaspoort.basispoort.BasispoortClient;
import nl.klaspoort.basispoort.BasispoortConnections.ActivatedSchool;
import nl.klaspoort.basispoort.BasispoortData.SchoolDetails;
import nl.klaspoort.basispoort.BasispoortData.SchoolOverview;
import nl.klaspoort.basispoort.BasispoortException;
import nl.klaspoort.basispoort.BasispoortLinks;
import nl.klaspoort.basispoort.BasispoortLinks.Link;
import nl.klaspoort.basispoort.BasispoortRoster;
import nl.klaspoort.edexml.EdexmlReader;
import nl.klaspoort.edexml.EdexmlResult;
import nl.klaspoort.edexml.RosterSnapshot;
import nl.klaspoort.edexml.RowError;
import nl.klaspoort.enrollment.Enrollments;
import nl.klaspoort.groups.Groups;
import nl.klaspoort.people.People;
import nl.klaspoort.platform.Amsterdam;
import nl.klaspoort.membership.Memberships;
import nl.klaspoort.roster.RosterApplied;
import nl.klaspoort.roster.internal.Change.Decision;
import nl.klaspoort.roster.internal.RunProgress.Phase;
import nl.klaspoort.roster.internal.RunProgress.Progress;
import nl.klaspoort.roster.internal.Run.Failure;
import nl.klaspoort.roster.internal.Run.Source;
import nl.klaspoort.roster.internal.Run.Status;
import nl.klaspoort.roster.internal.Run.Trigger;
import nl.klaspoort.roster.internal.RunReport.HoldReason;
import nl.klaspoort.roster.internal.SchoolRoster.Member;
import nl.klaspoort.school.School;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pipeline itself, without access checks (see {@link RosterRuns} for the admin's side and {@link NightlySync} for
 * the rounds): a source is read into a snapshot, compared with the school's roster and stored as a run with its changes
 * in one transaction; a run is applied in one transaction with its new status. So a process killed at any point leaves
 * every school either as it was or with its run applied, and running again ends in the same state (idempotent: an
 * applied change is no difference any more).
 */
@Service
class RosterService {

    private static final Logger log = LoggerFactory.getLogger(RosterService.class);

    /** A school whose roster is imported: its id, BRIN and dependance code (a file must be of this school). */
    record Target(long schoolId, String brin, String branchCode) {
        static Target of(School school) {
            return new Target(school.id(), school.brin(), school.branchCode());
        }
    }

    private final BasispoortClient client;
    private final BasispoortLinks links;
    private final Groups groups;
    private final People people;
    private final Enrollments enrollments;
    private final Memberships memberships;
    private final RosterStateQueries state;
    private final RunStore store;
    private final RunQueries queries;
    private final LockStore locks;
    private final Applier applier;
    private final RunProgress progress;
    private final RosterProperties properties;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RosterService(BasispoortClient client, BasispoortLinks links, Groups groups, People people, Enrollments enrollments,
            Memberships memberships, RosterStateQueries state, RunStore store, RunQueries queries, LockStore locks, Applier applier,
            RunProgress progress, RosterProperties properties, TransactionTemplate tx, ApplicationEventPublisher events,
            Clock clock) {
        this.client = client;
        this.links = links;
        this.groups = groups;
        this.people = people;
        this.enrollments = enrollments;
        this.memberships = memberships;
        this.state = state;
        this.store = store;
        this.queries = queries;
        this.locks = locks;
        this.applier = applier;
        this.progress = progress;
        this.properties = properties;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    // ---- Basispoort

    /**
     * Reads the school from Basispoort and compares. Nightly: an unchanged school (same mutation timestamp as the
     * roster last matched) costs one request; a run below the hold threshold is applied at once, one above it is held
     * for an admin. On demand: a preview for the admin who asked.
     */
    Run sync(ActivatedSchool school, Trigger trigger, UUID roundId, Long requestedBy) {
        Instant started = clock.instant();
        long schoolId = school.schoolId();
        progress.publish(new Progress(schoolId, null, Phase.READING, 0, 2));
        SchoolDetails details;
        SchoolOverview overview;
        try {
            details = retrying(() -> client.details(school.basispoortId()));
            if (!details.active() || details.mergedInto() != null) {
                return failed(schoolId, Source.BASISPOORT, trigger, roundId, requestedBy, started, Failure.INACTIVE);
            }
            Instant version = micros(details.meta() == null ? null : details.meta().mutationTimestamp());
            if (trigger == Trigger.NIGHTLY && version != null
                    && queries.lastSyncedVersion(schoolId).filter(version::equals).isPresent()) {
                Run run = store(schoolId, roundId, Source.BASISPOORT, trigger, Status.UNCHANGED, requestedBy, started,
                        version, null, List.of(), null, List.of(), List.of());
                progress.publish(new Progress(schoolId, run.id(), Phase.DONE, 1, 1));
                return run;
            }
            progress.publish(new Progress(schoolId, null, Phase.READING, 1, 2));
            overview = retrying(() -> client.overview(school.basispoortId()));
            RosterSnapshot snapshot = BasispoortRoster.snapshot(details, overview);
            Instant read = overview.meta() != null && overview.meta().mutationTimestamp() != null
                    ? micros(overview.meta().mutationTimestamp()) : version;
            return compare(schoolId, Source.BASISPOORT, trigger, roundId, requestedBy, started, read, null, snapshot);
        } catch (BasispoortException e) {
            log.info("Basispoort sync of school {} failed: {}", schoolId, e.getMessage());
            return failed(schoolId, Source.BASISPOORT, trigger, roundId, requestedBy, started, failure(e));
        }
    }

    /** As the database keeps a timestamp (microseconds), so that it compares equal when read back. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** Basispoort's failures as the run shows them. */
    private static Failure failure(BasispoortException e) {
        return switch (e) {
            case BasispoortException.NoConsent n -> Failure.NO_CONSENT;
            case BasispoortException.SchoolNotFound n -> Failure.NOT_FOUND;
            case BasispoortException.TlsFailure t -> Failure.TLS_FAILURE;
            case BasispoortException.NotConfigured n -> Failure.NOT_CONFIGURED;
            default -> Failure.UNAVAILABLE;
        };
    }

    /** A call tried again while Basispoort says it may work later: {@code attempts} times, the wait doubling. */
    private <T> T retrying(Supplier<T> call) {
        Duration wait = properties.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (BasispoortException e) {
                if (!e.retryable() || attempt >= properties.attempts()) {
                    throw e;
                }
                log.info("Basispoort call failed (attempt {} of {}), trying again in {} ms", attempt,
                        properties.attempts(), wait.toMillis());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = wait.multipliedBy(2);
            }
        }
    }

    // ---- EDEXML

    /**
     * Reads an uploaded EDEXML file (bounded, streamed, validated) and compares it: a preview, or a failed run with the
     * file's errors per row (X3). A file of another school is refused as a whole.
     */
    Run upload(Target school, String fileName, InputStream in, Long requestedBy) {
        Instant started = clock.instant();
        progress.publish(new Progress(school.schoolId(), null, Phase.READING, 0, 1));
        EdexmlResult result = new EdexmlReader(new EdexmlReader.Limits(properties.maxUpload().toBytes(), 32, 100)).read(in);
        String name = Names.cut(fileName, 255);
        if (!result.accepted()) {
            return failed(school.schoolId(), Source.EDEXML, Trigger.UPLOAD, null, requestedBy, started, Failure.INVALID_FILE,
                    name, result.errors());
        }
        RowError otherSchool = otherSchool(school, result.snapshot());
        if (otherSchool != null) {
            return failed(school.schoolId(), Source.EDEXML, Trigger.UPLOAD, null, requestedBy, started, Failure.INVALID_FILE,
                    name, List.of(otherSchool));
        }
        return compare(school.schoolId(), Source.EDEXML, Trigger.UPLOAD, null, requestedBy, started, null, name,
                result.snapshot());
    }

    /** Why the file is not this school's, or null when it is. */
    private static RowError otherSchool(Target school, RosterSnapshot snapshot) {
        String brin = snapshot.school().brincode();
        String dependance = snapshot.school().dependancecode() == null ? "00" : snapshot.school().dependancecode();
        if (brin == null) {
            return new RowError(0, "Het bestand noemt geen BRIN-nummer (alleen een instellingsnummer of schoolkey): het is"
                    + " niet van " + school.brin() + " vestiging " + school.branchCode() + ".");
        }
        if (!brin.equalsIgnoreCase(school.brin()) || !dependance.equals(school.branchCode())) {
            return new RowError(0, "Het bestand is van BRIN " + brin + " vestiging " + dependance + ", niet van deze school ("
                    + school.brin() + " vestiging " + school.branchCode() + ").");
        }
        return null;
    }

    // ---- compare and store

    private Run compare(long schoolId, Source source, Trigger trigger, UUID roundId, Long requestedBy, Instant started,
            Instant version, String fileName, RosterSnapshot snapshot) {
        progress.publish(new Progress(schoolId, null, Phase.COMPARING, 0, 1));
        List<Member> members = state.members(schoolId);
        SchoolRoster roster = new SchoolRoster(schoolId, RosterStateQueries.ofKind(members, true),
                RosterStateQueries.ofKind(members, false), groups.byKey(schoolId));
        // only what the comparison can use: none of it for a roster whose people are all known already
        RosterDiff.Wanted wanted = RosterDiff.wanted(roster, snapshot);
        List<Link> elsewhere = links.studentsElsewhere(schoolId, wanted.basispoortIds(), wanted.eckIds());
        LocalDate today = Amsterdam.today(clock);
        List<Change> changes = RosterDiff.compare(roster, snapshot, RosterDiff.Source.valueOf(source.name()), today,
                new RosterDiff.Lookups(elsewhere, people.professionalsByEmail(wanted.emails()),
                        state.schoolNames(elsewhere.stream().map(Link::schoolId).collect(Collectors.toSet())),
                        (teachers, pupils) -> enrollments.onlySupervisors(schoolId, teachers, null, pupils),
                        state.usernamesTaken(schoolId, elsewhere.stream().map(Link::userId).collect(Collectors.toSet())),
                        memberships.membersElsewhere(schoolId, wanted.teachersWithNewAddress())));
        int activeStudents = (int) roster.students().stream().filter(m -> !m.archived()).count();
        List<HoldReason> holds = RunReport.holdReasons(changes, activeStudents, properties.holdArchiveShare(),
                properties.holdWhenEmpty());
        boolean nothing = RunReport.counts(changes).total() == 0;
        Status status = nothing ? Status.UNCHANGED
                : trigger != Trigger.NIGHTLY ? Status.PREVIEW
                : holds.isEmpty() ? Status.PREVIEW : Status.HELD;
        if (trigger == Trigger.NIGHTLY && status == Status.PREVIEW) {
            return storeAndApply(schoolId, roundId, source, trigger, started, version, fileName, holds, changes);
        }
        Run run = store(schoolId, roundId, source, trigger, status, requestedBy, started, version, fileName, holds, null,
                List.of(), changes);
        progress.publish(new Progress(schoolId, run.id(), Phase.DONE, 1, 1));
        return run;
    }

    /** A nightly run below the threshold: stored and applied in one transaction, by nobody (the sync itself). */
    private Run storeAndApply(long schoolId, UUID roundId, Source source, Trigger trigger, Instant started,
            Instant version, String fileName, List<HoldReason> holds, List<Change> changes) {
        try {
            long runId = tx.execute(status -> {
                locks.lockSchool(schoolId);
                long id = store.insert(schoolId, roundId, source, trigger, Status.PREVIEW, null, started, version, fileName,
                        RunReport.counts(changes), holds, null, List.of(), changes);
                store.supersedeOpen(schoolId, id);
                applyClaimed(queries.run(id).orElseThrow(), null);
                return id;
            });
            return queries.run(runId).orElseThrow();
        } catch (Applier.StaleException e) {
            log.info("Nightly run of school {} found the roster changed while comparing; tried again next time", schoolId);
            return failed(schoolId, source, trigger, roundId, null, started, Failure.ERROR);
        }
    }

    private Run store(long schoolId, UUID roundId, Source source, Trigger trigger, Status status, Long requestedBy,
            Instant started, Instant version, String fileName, List<HoldReason> holds, Failure failure,
            List<RowError> errors, List<Change> changes) {
        long runId = tx.execute(s -> {
            locks.lockSchool(schoolId);
            long id = store.insert(schoolId, roundId, source, trigger, status, requestedBy, started, version, fileName,
                    RunReport.counts(changes), holds, failure, errors, changes);
            if (status.open()) {
                store.supersedeOpen(schoolId, id);
            }
            return id;
        });
        return queries.run(runId).orElseThrow();
    }

    private Run failed(long schoolId, Source source, Trigger trigger, UUID roundId, Long requestedBy, Instant started,
            Failure failure) {
        return failed(schoolId, source, trigger, roundId, requestedBy, started, failure, null, List.of());
    }

    private Run failed(long schoolId, Source source, Trigger trigger, UUID roundId, Long requestedBy, Instant started,
            Failure failure, String fileName, List<RowError> errors) {
        Run run = store(schoolId, roundId, source, trigger, Status.FAILED, requestedBy, started, null, fileName, List.of(),
                failure, errors, List.of());
        progress.publish(new Progress(schoolId, run.id(), Phase.FAILED, 1, 1));
        return run;
    }

    // ---- apply, decide, discard

    /**
     * Applies an open run (a preview or a held run) in one transaction: its accepted changes and its new status, or
     * nothing. Applying a run that is no longer open changes nothing and returns it as it is.
     *
     * @throws Applier.StaleException when an admin changed a member since the preview (nothing is written)
     */
    Run apply(long runId, Long approvedBy) {
        Run run = queries.run(runId).orElseThrow();
        tx.executeWithoutResult(status -> {
            locks.lockSchool(run.schoolId());
            if (store.claim(runId)) {
                applyClaimed(run, approvedBy);
            }
        });
        return queries.run(runId).orElseThrow();
    }

    /** Inside the caller's transaction, with the run claimed. */
    private void applyClaimed(Run run, Long approvedBy) {
        List<Change> changes = queries.changesToApply(run.id());
        progress.publish(new Progress(run.schoolId(), run.id(), Phase.APPLYING, 0, Applier.STEPS));
        RosterApplied applied = applier.apply(run, changes, step -> progress.publish(
                new Progress(run.schoolId(), run.id(), Phase.APPLYING, step, Applier.STEPS)));
        store.finish(run.id(), Status.APPLIED, approvedBy, RunReport.counts(changes));
        events.publishEvent(applied);
        progress.publish(new Progress(run.schoolId(), run.id(), Phase.DONE, Applier.STEPS, Applier.STEPS));
    }

    /** The admin's decision on changes of an open run ({@code seqs} null: all). */
    void decide(Run run, Collection<Integer> seqs, Decision decision, boolean overrideLocal) {
        tx.executeWithoutResult(status -> {
            locks.lockSchool(run.schoolId());
            if (store.claim(run.id())) {
                store.decide(run.id(), seqs, decision, overrideLocal);
                store.updateCounts(run.id(), RunReport.counts(queries.changesToApply(run.id())));
            }
        });
    }

    /** An open run is not applied. */
    void discard(Run run) {
        tx.executeWithoutResult(status -> {
            locks.lockSchool(run.schoolId());
            if (store.claim(run.id())) {
                store.finish(run.id(), Status.DISCARDED, null, null);
            }
        });
    }

    Optional<Run> run(long runId) {
        return queries.run(runId);
    }
}
