package nl.klaspoort.results.internal;

import java.util.List;
import nl.klaspoort.results.PracticeSessions.ImportedSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code practice_session}: set-based, one statement for any number of sessions. */
@Repository
public class SessionStore {

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

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code items}: JSON array of the accepted sessions; returns the external ids inserted (not known before). */
    List<String> insert(long productId, String items) {
        return jdbc.sql(INSERT).param("items", items).param("product", productId).query(String.class).list();
    }

    /** Sessions classified already (demo data, imports); one statement. */
    public void importAll(List<ImportedSession> sessions) {
        jdbc.sql("""
                        insert into practice_session (id, school_id, student_id, product_id, external_id, started_at, ended_at,
                                                      location, lesson_position, completed, test_score)
                        select nextval('practice_session_seq'), s.school, s.student, s.product, s.external, s.started, s.ended,
                               s.location, s.lesson, s.completed, s.score
                          from unnest(:school::bigint[], :student::bigint[], :product::bigint[], :external::text[],
                                      :started::timestamptz[], :ended::timestamptz[], :location::text[], :lesson::int[],
                                      :completed::boolean[], :score::numeric[])
                               as s(school, student, product, external, started, ended, location, lesson, completed, score)
                        on conflict (product_id, external_id) do nothing
                        """)
                .param("school", sessions.stream().map(ImportedSession::schoolId).toArray(Long[]::new))
                .param("student", sessions.stream().map(ImportedSession::studentId).toArray(Long[]::new))
                .param("product", sessions.stream().map(ImportedSession::productId).toArray(Long[]::new))
                .param("external", sessions.stream().map(ImportedSession::externalId).toArray(String[]::new))
                .param("started", sessions.stream().map(s -> java.sql.Timestamp.from(s.startedAt())).toArray(java.sql.Timestamp[]::new))
                .param("ended", sessions.stream().map(s -> java.sql.Timestamp.from(s.endedAt())).toArray(java.sql.Timestamp[]::new))
                .param("location", sessions.stream().map(ImportedSession::location).toArray(String[]::new))
                .param("lesson", sessions.stream().map(ImportedSession::lessonPosition).toArray(Integer[]::new))
                .param("completed", sessions.stream().map(ImportedSession::completed).toArray(Boolean[]::new))
                .param("score", sessions.stream().map(s -> s.testScore() == null ? null : java.math.BigDecimal.valueOf(s.testScore()))
                        .toArray(java.math.BigDecimal[]::new))
                .update();
    }
}
