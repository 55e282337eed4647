package nl.klaspoort.roster.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.klaspoort.edexml.RowError;
import nl.klaspoort.people.People.UsernameChange;
import nl.klaspoort.roster.internal.Change.Decision;
import nl.klaspoort.roster.internal.Run.Failure;
import nl.klaspoort.roster.internal.Run.Source;
import nl.klaspoort.roster.internal.Run.Status;
import nl.klaspoort.roster.internal.Run.Trigger;
import nl.klaspoort.roster.internal.RunReport.Counts;
import nl.klaspoort.roster.internal.RunReport.HoldReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code roster_round}, {@code roster_run} and {@code roster_change}; set-based. */
@Repository
class RunStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    RunStore(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /** A new run as read and compared, with its changes; two statements. Returns its id. */
    long insert(long schoolId, UUID roundId, Source source, Trigger trigger, Status status, Long requestedBy,
            Instant startedAt, Instant sourceVersion, String fileName, Counts counts, List<HoldReason> holdReasons,
            Failure failure, List<RowError> errors, List<Change> changes) {
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into roster_run (id, school_id, round_id, source, trigger, status, requested_by, started_at,
                                                previewed_at, finished_at, source_version, file_name, counts, hold_reasons,
                                                failure, errors)
                        values (nextval('roster_run_seq'), :school, :round, :source, :trigger, :status, :requestedBy, :started,
                                :now, :finished, :version, :fileName, cast(:counts as jsonb), cast(:holds as jsonb), :failure,
                                cast(:errors as jsonb))
                        returning id
                        """)
                .param("school", schoolId).param("round", roundId).param("source", source.name())
                .param("trigger", trigger.name()).param("status", status.name()).param("requestedBy", requestedBy)
                .param("started", Timestamp.from(startedAt)).param("now", Timestamp.from(now))
                .param("finished", status.open() ? null : Timestamp.from(now))
                .param("version", sourceVersion == null ? null : Timestamp.from(sourceVersion))
                .param("fileName", fileName)
                .param("counts", json.writeValueAsString(counts)).param("holds", json.writeValueAsString(holdReasons))
                .param("failure", failure == null ? null : failure.name()).param("errors", json.writeValueAsString(errors))
                .query(Long.class).single();
        if (!changes.isEmpty()) {
            insertChanges(id, schoolId, changes, status.open());
        }
        return id;
    }

    private void insertChanges(long runId, long schoolId, List<Change> changes, boolean withRecords) {
        jdbc.sql("""
                        insert into roster_change (run_id, seq, school_id, subject, action, user_id, group_id, source_key, label,
                                                   fields, record, reason, reason_params, local_edit, override_local,
                                                   blocked, decision)
                        select :run, c.seq, :school, c.subject, c.action, c.user_id, c.group_id, c.source_key, c.label,
                               c.fields::jsonb, c.record::jsonb, c.reason, c.params::jsonb, c.local_edit, false, c.blocked,
                               c.decision
                          from unnest(:seq::int[], :subject::text[], :action::text[], :userId::bigint[], :groupId::bigint[],
                                      :sourceKey::text[], :label::text[], :fields::text[], :record::text[], :reason::text[],
                                      :params::text[], :localEdit::boolean[], :blocked::boolean[], :decision::text[])
                               as c(seq, subject, action, user_id, group_id, source_key, label, fields, record, reason, params,
                                    local_edit, blocked, decision)
                        """)
                .param("run", runId).param("school", schoolId)
                .param("seq", changes.stream().map(Change::seq).toArray(Integer[]::new))
                .param("subject", changes.stream().map(c -> c.subject().name()).toArray(String[]::new))
                .param("action", changes.stream().map(c -> c.action().name()).toArray(String[]::new))
                .param("userId", changes.stream().map(Change::userId).toArray(Long[]::new))
                .param("groupId", changes.stream().map(Change::groupId).toArray(Long[]::new))
                .param("sourceKey", changes.stream().map(Change::sourceKey).toArray(String[]::new))
                .param("label", changes.stream().map(Change::label).toArray(String[]::new))
                .param("fields", changes.stream().map(c -> json.writeValueAsString(c.fields())).toArray(String[]::new))
                .param("record", changes.stream().map(c -> withRecords && c.record() != null
                        ? json.writeValueAsString(c.record()) : null).toArray(String[]::new))
                .param("reason", changes.stream().map(c -> c.reason().name()).toArray(String[]::new))
                .param("params", changes.stream().map(c -> json.writeValueAsString(c.reasonParams())).toArray(String[]::new))
                .param("localEdit", changes.stream().map(Change::localEdit).toArray(Boolean[]::new))
                .param("blocked", changes.stream().map(Change::blocked).toArray(Boolean[]::new))
                .param("decision", changes.stream().map(c -> c.decision().name()).toArray(String[]::new))
                .update();
    }

    /**
     * What the apply did to the usernames of the run's moving pupils: a pupil whose username was taken at this school
     * shows the new one (field {@code USERNAME}, before → after), every other move shows none, whatever the preview
     * expected. One statement, none without moves.
     */
    void recordNewUsernames(long runId, List<Change> moves, Map<Long, UsernameChange> renamed) {
        if (moves.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update roster_change c
                           set fields = coalesce((select jsonb_agg(f.value order by f.n)
                                                    from jsonb_array_elements(c.fields) with ordinality as f(value, n)
                                                   where f.value->>'field' <> 'USERNAME'), '[]'::jsonb)
                                        || coalesce(m.username_field::jsonb, '[]'::jsonb)
                          from unnest(:seqs::int[], :fields::text[]) as m(seq, username_field)
                         where c.run_id = :run and c.seq = m.seq
                        """)
                .param("run", runId)
                .param("seqs", moves.stream().map(Change::seq).toArray(Integer[]::new))
                .param("fields", moves.stream().map(c -> renamed.containsKey(c.userId())
                        ? json.writeValueAsString(List.of(new Change.FieldChange(Change.Field.USERNAME,
                                renamed.get(c.userId()).before(), renamed.get(c.userId()).after(), false)))
                        : null).toArray(String[]::new))
                .update();
    }

    /** Earlier open runs of the school (previews, held runs) are replaced by a newer one. One statement. */
    void supersedeOpen(long schoolId, long exceptRunId) {
        jdbc.sql("""
                        update roster_run set status = 'SUPERSEDED', finished_at = :now
                         where school_id = :school and id <> :except and status in ('PREVIEW', 'HELD')
                        """)
                .param("now", Timestamp.from(clock.instant())).param("school", schoolId).param("except", exceptRunId)
                .update();
    }

    /**
     * Takes an open run for applying: true when it was open (the row stays locked until the transaction ends, so a
     * second apply of the same run waits and then finds it applied).
     */
    boolean claim(long runId) {
        return jdbc.sql("select 1 from roster_run where id = :id and status in ('PREVIEW', 'HELD') for update")
                .param("id", runId).query(Integer.class).optional().isPresent();
    }

    /** The admin's decision on changes of an open run (all of them when {@code seqs} is null). One statement. */
    void decide(long runId, Collection<Integer> seqs, Decision decision, boolean overrideLocal) {
        jdbc.sql("""
                        update roster_change set decision = :decision, override_local = local_edit and :override
                         where run_id = :run and action <> 'SKIP' and not blocked
                           and (cast(:all as boolean) or seq = any(:seqs))
                        """)
                .param("decision", decision.name()).param("override", overrideLocal).param("run", runId)
                .param("all", seqs == null).param("seqs", seqs == null ? new Integer[0] : seqs.toArray(Integer[]::new))
                .update();
    }

    /** The run is done: applied (by whom; null = the nightly sync itself) or discarded; records cleared. Two statements. */
    void finish(long runId, Status status, Long approvedBy, Counts counts) {
        jdbc.sql("""
                        update roster_run set status = :status, approved_by = :by, finished_at = :now,
                               counts = coalesce(cast(:counts as jsonb), counts)
                         where id = :id
                        """)
                .param("status", status.name()).param("by", approvedBy).param("now", Timestamp.from(clock.instant()))
                .param("counts", counts == null ? null : json.writeValueAsString(counts)).param("id", runId).update();
        jdbc.sql("update roster_change set record = null where run_id = :id and record is not null").param("id", runId).update();
    }

    /** The counts of an open run after the admin's decisions. */
    void updateCounts(long runId, Counts counts) {
        jdbc.sql("update roster_run set counts = cast(:counts as jsonb) where id = :id")
                .param("counts", json.writeValueAsString(counts)).param("id", runId).update();
    }

    void startRound(UUID roundId, String trigger) {
        jdbc.sql("insert into roster_round (id, trigger, status, started_at) values (:id, :trigger, 'RUNNING', :now)")
                .param("id", roundId).param("trigger", trigger).param("now", Timestamp.from(clock.instant())).update();
    }

    void finishRound(UUID roundId, int schools) {
        jdbc.sql("update roster_round set status = 'FINISHED', finished_at = :now, schools = :schools where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("schools", schools).param("id", roundId).update();
    }

    /** Rounds still RUNNING while nobody runs one were cut off: INTERRUPTED. Returns how many. */
    int interruptRunningRounds() {
        return jdbc.sql("update roster_round set status = 'INTERRUPTED', finished_at = :now where status = 'RUNNING'")
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
