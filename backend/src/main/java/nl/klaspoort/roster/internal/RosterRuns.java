package nl.klaspoort.roster.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.basispoort.BasispoortConnections;
import nl.klaspoort.basispoort.BasispoortConnections.ActivatedSchool;
import nl.klaspoort.basispoort.BasispoortConnections.Connection;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.roster.internal.Change.Decision;
import nl.klaspoort.school.Schools;
import nl.klaspoort.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * The school admin's side of the pipeline: start a sync, upload a file, apply, discard and review runs. ADMIN of the
 * run's school, deny by default: a run of another school is "not found".
 */
@Service
class RosterRuns {

    /** Why a run mutation was refused ({@code extend enum ErrorCode} in {@code roster.graphqls}, {@code basispoort.graphqls}). */
    enum RosterError implements ErrorCode { ROSTER_RUN_CLOSED, ROSTER_RUN_STALE, FILE_TOO_LARGE, BASISPOORT_NOT_ACTIVATED }

    /** GraphQL {@code RosterRunPayload}. */
    record Payload(Run run, List<PayloadError> errors) {
        static Payload of(Run run) {
            return new Payload(run, List.of());
        }

        static Payload refused(Run run, PayloadError error) {
            return new Payload(run, List.of(error));
        }
    }

    private final RosterService service;
    private final RunQueries queries;
    private final SchoolAccess access;
    private final Schools schools;
    private final BasispoortConnections connections;

    RosterRuns(RosterService service, RunQueries queries, SchoolAccess access, Schools schools,
            BasispoortConnections connections) {
        this.service = service;
        this.queries = queries;
        this.access = access;
        this.schools = schools;
        this.connections = connections;
    }

    /** 'Nu synchroniseren': a preview of the school's Basispoort data (or UNCHANGED / FAILED). */
    Payload startSync(String schoolIdText) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        Connection connection = connections.connection(schoolId);
        if (!connection.activated() || connection.basispoortId() == null) {
            return Payload.refused(null, PayloadError.of(RosterError.BASISPOORT_NOT_ACTIVATED).field("schoolId"));
        }
        return Payload.of(service.sync(new ActivatedSchool(schoolId, connection.basispoortId()), Run.Trigger.ON_DEMAND,
                null, CurrentUser.id()));
    }

    /** An EDEXML upload: a preview, or a failed run with the file's errors. */
    Run upload(long schoolId, String fileName, InputStream file) {
        access.require(schoolId, Role.ADMIN);
        return service.upload(RosterService.Target.of(schools.byId(schoolId).orElseThrow()), fileName, file,
                CurrentUser.id());
    }

    Payload apply(String runIdText) {
        Run run = open(runIdText);
        if (run == null) {
            return closed(runIdText);
        }
        try {
            Run applied = service.apply(run.id(), CurrentUser.id());
            return applied.status() == Run.Status.APPLIED ? Payload.of(applied)
                    : Payload.refused(applied, PayloadError.of(RosterError.ROSTER_RUN_CLOSED).field("runId"));
        } catch (Applier.StaleException e) {
            return Payload.refused(run, PayloadError.of(RosterError.ROSTER_RUN_STALE).field("runId"));
        }
    }

    Payload discard(String runIdText) {
        Run run = open(runIdText);
        if (run == null) {
            return closed(runIdText);
        }
        service.discard(run);
        return Payload.of(queries.run(run.id()).orElseThrow());
    }

    Payload decide(String runIdText, List<String> changeIds, Decision decision, boolean overrideLocal) {
        Run run = open(runIdText);
        if (run == null) {
            return closed(runIdText);
        }
        Set<Integer> seqs = null;
        if (changeIds != null) {
            seqs = new LinkedHashSet<>();
            List<PayloadError> errors = new ArrayList<>();
            for (String id : changeIds) {
                ChangeId parsed = ChangeId.parse(id);
                if (parsed == null || parsed.runId() != run.id()) {
                    errors.add(PayloadError.of(CommonError.NOT_FOUND).field("changeIds").item(id));
                } else {
                    seqs.add(parsed.seq());
                }
            }
            if (!errors.isEmpty()) {
                return new Payload(run, errors);
            }
        }
        service.decide(run, seqs, decision, overrideLocal);
        return Payload.of(queries.run(run.id()).orElseThrow());
    }

    /** The run when the signed-in user is ADMIN at its school; refused as "not found" otherwise. */
    Run run(String runIdText) {
        Long id = parse(runIdText);
        Run run = id == null ? null : queries.run(id).orElse(null);
        if (run == null || !access.rolesAt(run.schoolId()).contains(Role.ADMIN)) {
            throw new AccessRefusedException(AccessRefusedException.Reason.NOT_FOUND, "run " + runIdText);
        }
        return run;
    }

    /** The school's run by id, when the signed-in user is ADMIN there; empty otherwise. */
    Optional<Run> runOf(long schoolId, String runIdText) {
        Long id = parse(runIdText);
        if (id == null || !access.rolesAt(schoolId).contains(Role.ADMIN)) {
            return Optional.empty();
        }
        return queries.run(id).filter(r -> r.schoolId() == schoolId);
    }

    /** Whether the signed-in user is ADMIN of each school. */
    Set<Long> administered(Collection<Long> schoolIds) {
        Set<Long> admin = new LinkedHashSet<>();
        access.rolesAt(schoolIds).forEach((school, roles) -> {
            if (roles.contains(Role.ADMIN)) {
                admin.add(school);
            }
        });
        return admin;
    }

    private Run open(String runIdText) {
        Run run = run(runIdText);
        return run.status().open() ? run : null;
    }

    private Payload closed(String runIdText) {
        return Payload.refused(run(runIdText), PayloadError.of(RosterError.ROSTER_RUN_CLOSED).field("runId"));
    }

    static Long parse(String id) {
        try {
            return id == null ? null : Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A change's GraphQL id: {@code runId:seq}. */
    record ChangeId(long runId, int seq) {
        static ChangeId parse(String id) {
            int colon = id == null ? -1 : id.indexOf(':');
            if (colon < 0) {
                return null;
            }
            try {
                return new ChangeId(Long.parseLong(id.substring(0, colon)), Integer.parseInt(id.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return runId + ":" + seq;
        }
    }
}
