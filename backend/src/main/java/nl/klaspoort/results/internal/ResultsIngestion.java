package nl.klaspoort.results.internal;

import nl.klaspoort.platform.PayloadError;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.klaspoort.iprange.IpAddresses;
import java.time.Clock;
import nl.klaspoort.contract.Contracts;
import nl.klaspoort.results.internal.IngestionQueries.Checked;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records practice sessions reported by a product (RS6) in two set-based statements whatever the number of sessions:
 * one that checks every session against enrollments, contracts, the curriculum and earlier sessions and classifies its
 * IP as SCHOOL or HOME with the school's IP ranges active when the session started; one insert of the accepted ones.
 * The IP travels to PostgreSQL only as a parameter of the first statement and is stored nowhere.
 */
@Service
class ResultsIngestion {

    static final int MAX_SESSIONS = 1000;

    enum Status { CREATED, UNCHANGED, REJECTED, NOT_STORED }

    record SessionInput(String sessionId, String studentId, OffsetDateTime startedAt, OffsetDateTime endedAt,
                        String clientIp, int lessonPosition, boolean completed, Double testScore) {}

    record Result(int index, String sessionId, Status status, PayloadError error) {}

    record Payload(List<Result> results, int created, int unchanged, int rejected, List<PayloadError> errors) {}

    private final IngestionQueries queries;
    private final SessionStore store;
    private final Contracts contracts;
    private final JsonMapper json;
    private final ResultsEvents events;
    private final Clock clock;

    ResultsIngestion(IngestionQueries queries, SessionStore store, Contracts contracts, JsonMapper json, ResultsEvents events,
            Clock clock) {
        this.queries = queries;
        this.store = store;
        this.contracts = contracts;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    Payload record(long productId, List<SessionInput> sessions, boolean acceptPartial) {
        if (sessions.size() > MAX_SESSIONS) {
            return new Payload(List.of(), 0, 0, 0, List.of(PayloadError.of(ResultsError.TOO_MANY_SESSIONS).field("sessions")
                    .param("max", MAX_SESSIONS).param("count", sessions.size())));
        }
        PayloadError[] errors = new PayloadError[sessions.size()];
        long[] studentIds = new long[sessions.size()];
        OffsetDateTime soon = OffsetDateTime.now(clock).plusMinutes(5);
        Set<String> seen = new HashSet<>();
        List<Map<String, Object>> toCheck = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            SessionInput s = sessions.get(i);
            errors[i] = validate(s, soon, seen);
            if (errors[i] == null) {
                studentIds[i] = Long.parseLong(s.studentId());
                Map<String, Object> item = new HashMap<>();
                item.put("idx", i);
                item.put("session_id", s.sessionId());
                item.put("student_id", studentIds[i]);
                item.put("started_at", s.startedAt().toString());
                item.put("ip", IpAddresses.parse(s.clientIp()).orElseThrow().getHostAddress());
                item.put("lesson_position", s.lessonPosition());
                toCheck.add(item);
            }
        }
        Map<Integer, Checked> checked = toCheck.isEmpty() ? Map.of()
                : queries.check(productId, json.writeValueAsString(toCheck), contracts.today());
        Status[] status = new Status[sessions.size()];
        int rejected = 0;
        for (int i = 0; i < sessions.size(); i++) {
            Checked c = checked.get(i);
            if (errors[i] == null && c != null) {
                errors[i] = check(sessions.get(i), c);
            }
            if (errors[i] != null) {
                status[i] = Status.REJECTED;
                rejected++;
            } else if (c.known()) {
                status[i] = Status.UNCHANGED;
            }
        }
        List<Map<String, Object>> toInsert = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            if (status[i] == null) {
                if (rejected > 0 && !acceptPartial) {
                    status[i] = Status.NOT_STORED;
                    continue;
                }
                SessionInput s = sessions.get(i);
                Map<String, Object> row = new HashMap<>();
                row.put("school_id", checked.get(i).schoolId());
                row.put("student_id", studentIds[i]);
                row.put("session_id", s.sessionId());
                row.put("started_at", s.startedAt().toString());
                row.put("ended_at", s.endedAt().toString());
                row.put("location", checked.get(i).atSchool() ? "SCHOOL" : "HOME");
                row.put("lesson_position", s.lessonPosition());
                row.put("completed", s.completed());
                row.put("test_score", s.testScore());
                toInsert.add(row);
            }
        }
        Set<String> inserted = new HashSet<>();
        if (!toInsert.isEmpty()) {
            inserted.addAll(store.insert(productId, json.writeValueAsString(toInsert)));
        }
        List<Result> results = new ArrayList<>(sessions.size());
        Map<Long, Set<Long>> changedBySchool = new LinkedHashMap<>();
        int created = 0, unchanged = 0;
        for (int i = 0; i < sessions.size(); i++) {
            SessionInput s = sessions.get(i);
            if (status[i] == null) {
                // a concurrent call may have recorded the same id between the check and the insert
                status[i] = inserted.contains(s.sessionId()) ? Status.CREATED : Status.UNCHANGED;
                if (status[i] == Status.CREATED) {
                    changedBySchool.computeIfAbsent(checked.get(i).schoolId(), k -> new TreeSet<>()).add(studentIds[i]);
                }
            }
            created += status[i] == Status.CREATED ? 1 : 0;
            unchanged += status[i] == Status.UNCHANGED ? 1 : 0;
            results.add(new Result(i, s.sessionId(), status[i], errors[i]));
        }
        changedBySchool.forEach((school, students) ->
                events.publish(new ResultsChange(school, productId, List.copyOf(students))));
        return new Payload(results, created, unchanged, rejected, List.of());
    }

    /** An error of one session, its item the session id. */
    private static PayloadError error(ResultsError code, SessionInput s) {
        return PayloadError.of(code).item(s.sessionId()).param("sessionId", String.valueOf(s.sessionId()));
    }

    /** Checks that need no database; the first error found, or null. */
    private static PayloadError validate(SessionInput s, OffsetDateTime soon, Set<String> seen) {
        if (s.sessionId() == null || s.sessionId().isBlank() || s.sessionId().length() > 100) {
            return error(ResultsError.INVALID_SESSION_ID, s).param("max", 100);
        }
        if (!seen.add(s.sessionId())) {
            return error(ResultsError.DUPLICATE_IN_CALL, s);
        }
        if (s.studentId() == null || !s.studentId().matches("\\d{1,18}")) {
            return error(ResultsError.STUDENT_NOT_FOUND, s).field("studentId").param("studentId", s.studentId());
        }
        if (s.endedAt().isBefore(s.startedAt())) {
            return error(ResultsError.INVALID_TIME, s).field("endedAt").param("reason", "endBeforeStart");
        }
        if (s.startedAt().isAfter(soon)) {
            return error(ResultsError.INVALID_TIME, s).field("startedAt").param("reason", "future");
        }
        if (IpAddresses.parse(s.clientIp()).isEmpty()) {
            return error(ResultsError.INVALID_IP, s).field("clientIp").param("value", s.clientIp());
        }
        if (s.testScore() != null && (s.testScore().isNaN() || s.testScore() < 0 || s.testScore() > 100)) {
            return error(ResultsError.INVALID_TEST_SCORE, s).field("testScore").param("reason", "range");
        }
        return null;
    }

    /** Checks against the database row of the session; the first error found, or null. */
    private static PayloadError check(SessionInput s, Checked c) {
        if (c.schoolId() == null) {
            return error(ResultsError.STUDENT_NOT_FOUND, s).field("studentId").param("studentId", s.studentId());
        }
        if (!c.lessonExists()) {
            return error(ResultsError.UNKNOWN_LESSON, s).field("lessonPosition").param("lesson", s.lessonPosition());
        }
        if (s.testScore() != null && !c.lessonEndsWithTest()) {
            return error(ResultsError.INVALID_TEST_SCORE, s).field("testScore").param("reason", "noTest").param("lesson", s.lessonPosition());
        }
        return null;
    }
}
