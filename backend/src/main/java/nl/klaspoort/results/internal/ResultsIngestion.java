package nl.klaspoort.results.internal;

import nl.klaspoort.platform.PayloadError;

import java.time.LocalDate;
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
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private record Checked(Long schoolId, boolean lessonExists, boolean lessonEndsWithTest, boolean known, boolean atSchool) {}

    private static final String CHECK = """
            select i.idx, e.school_id, l.position is not null as lesson_exists, coalesce(l.ends_with_test, false) as ends_with_test,
                   exists (select 1 from practice_session p where p.product_id = :product and p.external_id = i.session_id) as known,
                   exists (select 1 from school_ip_range_activity a
                            where a.school_id = e.school_id and a.first_address <= i.ip and a.last_address >= i.ip
                              and a.active_from <= i.started_at and (a.active_until is null or a.active_until > i.started_at)) as at_school
              from jsonb_to_recordset(cast(:items as jsonb))
                   as i(idx int, session_id text, student_id bigint, started_at timestamptz, ip inet, lesson_position int)
              left join enrollment e on e.student_id = i.student_id and e.product_id = :product
                    and exists (select 1 from contract c where c.school_id = e.school_id and c.product_id = :product
                                   and c.start_date <= :today and (c.end_date is null or c.end_date >= :today))
                    and exists (select 1 from school_member m
                                 where m.school_id = e.school_id and m.user_id = e.student_id and m.archived_at is null)
              left join lesson l on l.product_id = :product and l.position = i.lesson_position
            """;

    private static final String INSERT = """
            insert into practice_session (id, school_id, student_id, product_id, external_id, started_at, ended_at,
                                          location, lesson_position, completed, test_score)
            select nextval('practice_session_seq'), i.school_id, i.student_id, :product, i.session_id, i.started_at, i.ended_at,
                   i.location, i.lesson_position, i.completed, i.test_score
              from jsonb_to_recordset(cast(:items as jsonb))
                   as i(school_id bigint, student_id bigint, session_id text, started_at timestamptz, ended_at timestamptz,
                        location text, lesson_position int, completed boolean, test_score numeric)
            on conflict (product_id, external_id) do nothing
            returning external_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ResultsEvents events;

    ResultsIngestion(JdbcClient jdbc, JsonMapper json, ResultsEvents events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    Payload record(long productId, List<SessionInput> sessions, boolean acceptPartial) {
        if (sessions.size() > MAX_SESSIONS) {
            return new Payload(List.of(), 0, 0, 0, List.of(PayloadError.of(ResultsError.TOO_MANY_SESSIONS).field("sessions")
                    .param("max", MAX_SESSIONS).param("count", sessions.size())));
        }
        PayloadError[] errors = new PayloadError[sessions.size()];
        long[] studentIds = new long[sessions.size()];
        OffsetDateTime soon = OffsetDateTime.now().plusMinutes(5);
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
        Map<Integer, Checked> checked = new HashMap<>();
        if (!toCheck.isEmpty()) {
            jdbc.sql(CHECK)
                    .param("items", json.writeValueAsString(toCheck)).param("product", productId)
                    .param("today", LocalDate.now(IsoWeek.AMSTERDAM))
                    .query((rs, n) -> checked.put(rs.getInt("idx"), new Checked((Long) rs.getObject("school_id", Long.class),
                            rs.getBoolean("lesson_exists"), rs.getBoolean("ends_with_test"), rs.getBoolean("known"),
                            rs.getBoolean("at_school"))))
                    .list();
        }
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
            inserted.addAll(jdbc.sql(INSERT).param("items", json.writeValueAsString(toInsert)).param("product", productId)
                    .query(String.class).list());
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
