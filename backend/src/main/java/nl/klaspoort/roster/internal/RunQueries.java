package nl.klaspoort.roster.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.klaspoort.edexml.RowError;
import nl.klaspoort.platform.Keyed;
import nl.klaspoort.platform.Where;
import nl.klaspoort.roster.internal.Change.Action;
import nl.klaspoort.roster.internal.Change.Decision;
import nl.klaspoort.roster.internal.Change.FieldChange;
import nl.klaspoort.roster.internal.Change.Reason;
import nl.klaspoort.roster.internal.Change.Subject;
import nl.klaspoort.roster.internal.Run.Failure;
import nl.klaspoort.roster.internal.Run.Source;
import nl.klaspoort.roster.internal.Run.Status;
import nl.klaspoort.roster.internal.Run.Trigger;
import nl.klaspoort.roster.internal.RunReport.Counts;
import nl.klaspoort.roster.internal.RunReport.HoldReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code roster_run} and {@code roster_change}. */
@Repository
class RunQueries {

    private static final TypeReference<List<HoldReason>> HOLDS = new TypeReference<>() { };
    private static final TypeReference<List<RowError>> ERRORS = new TypeReference<>() { };
    private static final TypeReference<List<FieldChange>> FIELDS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() { };
    private static final String RUN_COLUMNS = """
            r.id, r.school_id, r.round_id, r.source, r.trigger, r.status, r.requested_by, r.approved_by, r.started_at,
            r.previewed_at, r.finished_at, r.source_version, r.file_name, r.counts::text as counts,
            r.hold_reasons::text as hold_reasons, r.failure, r.errors::text as errors""";

    /** Which changes a page shows. */
    record ChangeFilter(Subject subject, Action action, Boolean localEdit) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RunQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Run> run(long runId) {
        return jdbc.sql("select " + RUN_COLUMNS + " from roster_run r where r.id = :id").param("id", runId)
                .query(this::mapRun).optional();
    }

    /** A page of the school's runs, newest first, after the run {@code afterId} (keyset); {@code size + 1} rows. */
    List<Run> runs(long schoolId, Long afterId, int size) {
        return jdbc.sql("select " + RUN_COLUMNS + """
                         from roster_run r where r.school_id = :school and (cast(:after as bigint) is null or r.id < :after)
                        order by r.id desc limit :limit
                        """)
                .param("school", schoolId).param("after", afterId).param("limit", size + 1)
                .query(this::mapRun).list();
    }

    /** How many runs the school has. */
    int runCount(long schoolId) {
        return jdbc.sql("select count(*) from roster_run where school_id = :school").param("school", schoolId)
                .query(Integer.class).single();
    }

    /** The schools' open runs (a preview or a held run; the newest when several), by school. One statement. */
    Map<Long, Run> openRuns(Collection<Long> schoolIds) {
        Map<Long, Run> open = new java.util.HashMap<>();
        jdbc.sql("select distinct on (r.school_id) " + RUN_COLUMNS + """
                         from roster_run r where r.school_id = any(:schools) and r.status in ('PREVIEW', 'HELD')
                        order by r.school_id, r.id desc
                        """)
                .param("schools", schoolIds.toArray(Long[]::new)).query(this::mapRun).list()
                .forEach(run -> open.put(run.schoolId(), run));
        return open;
    }

    /** The mutation timestamp of the Basispoort data the school's roster last matched (applied or unchanged). */
    Optional<Instant> lastSyncedVersion(long schoolId) {
        return jdbc.sql("""
                        select source_version from roster_run
                         where school_id = :school and source = 'BASISPOORT' and status in ('APPLIED', 'UNCHANGED')
                           and source_version is not null
                         order by id desc limit 1
                        """)
                .param("school", schoolId).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** A page of a run's changes in order, after {@code afterSeq}; {@code size + 1} rows, without the records. */
    List<Change> changes(long runId, ChangeFilter filter, Integer afterSeq, int size) {
        Where where = where(runId, filter).andIf(afterSeq != null, "c.seq > :after", "after", afterSeq);
        return jdbc.sql("select c.*, null::text as record_text from roster_change c where " + where.sql()
                        + " order by c.seq limit :limit")
                .params(where.params()).param("limit", size + 1).query((rs, n) -> change(rs, false)).list();
    }

    /** How many changes of the run match the filter. */
    int changeCount(long runId, ChangeFilter filter) {
        Where where = where(runId, filter);
        return jdbc.sql("select count(*) from roster_change c where " + where.sql()).params(where.params())
                .query(Integer.class).single();
    }

    private static Where where(long runId, ChangeFilter filter) {
        return Where.of("c.run_id = :run", "run", runId)
                .andIf(filter.subject() != null, "c.subject = :subject", "subject",
                        filter.subject() == null ? null : filter.subject().name())
                .andIf(filter.action() != null, "c.action = :action", "action",
                        filter.action() == null ? null : filter.action().name())
                .andIf(filter.localEdit() != null, "c.local_edit = :localEdit", "localEdit", filter.localEdit());
    }

    /** Every change of the run with its record, for the apply. */
    List<Change> changesToApply(long runId) {
        return jdbc.sql("select c.*, c.record::text as record_text from roster_change c where c.run_id = :run order by c.seq")
                .param("run", runId).query((rs, n) -> change(rs, true)).list();
    }

    /** The changes of the runs with these ids among the given (run, seq) keys — batch loading of change fields. */
    List<Keyed<Change>> changesOf(Collection<Long> runIds) {
        return jdbc.sql("select c.*, null::text as record_text from roster_change c where c.run_id = any(:runs) order by c.seq")
                .param("runs", runIds.toArray(Long[]::new))
                .query((rs, n) -> new Keyed<>(rs.getLong("school_id"), rs.getLong("run_id"), change(rs, false))).list();
    }

    private Run mapRun(ResultSet rs, int row) throws SQLException {
        String failure = rs.getString("failure");
        return new Run(rs.getLong("id"), rs.getLong("school_id"), rs.getObject("round_id", UUID.class),
                Source.valueOf(rs.getString("source")), Trigger.valueOf(rs.getString("trigger")),
                Status.valueOf(rs.getString("status")), rs.getObject("requested_by", Long.class),
                rs.getObject("approved_by", Long.class), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("previewed_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                instant(rs, "source_version"), rs.getString("file_name"),
                json.readValue(rs.getString("counts"), Counts.class), json.readValue(rs.getString("hold_reasons"), HOLDS),
                failure == null ? null : Failure.valueOf(failure), json.readValue(rs.getString("errors"), ERRORS));
    }

    private Change change(ResultSet rs, boolean withRecord) throws SQLException {
        String record = withRecord ? rs.getString("record_text") : null;
        return new Change(rs.getInt("seq"), Subject.valueOf(rs.getString("subject")), Action.valueOf(rs.getString("action")),
                rs.getObject("user_id", Long.class), rs.getObject("group_id", Long.class), rs.getString("source_key"),
                rs.getString("label"), json.readValue(rs.getString("fields"), FIELDS),
                record == null ? null : json.readValue(record, SourceRecord.class),
                Reason.valueOf(rs.getString("reason")), json.readValue(rs.getString("reason_params"), PARAMS),
                rs.getBoolean("local_edit"), rs.getBoolean("override_local"), rs.getBoolean("blocked"),
                Decision.valueOf(rs.getString("decision")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
