package nl.klaspoort.results.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.klaspoort.platform.Where;
import nl.klaspoort.results.internal.SupervisorResults.PracticeTime;
import nl.klaspoort.results.internal.SupervisorResults.Row;
import nl.klaspoort.results.internal.SupervisorResults.Session;
import nl.klaspoort.results.internal.SupervisorResults.WeekPracticeTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The supervisor's view of results (read model): their students for a product at a school, with progress and practice
 * time computed from {@code practice_session}; joins koppelingen, people and memberships.
 */
@Repository
class OverviewQueries {

    /** A page of rows and the number of rows over all pages. */
    record Page(List<Row> rows, int total) {}

    /** One lesson's sessions of a student. */
    record LessonSessions(int position, boolean completed, int sessions, List<Double> testScores) {}

    /** The supervisor's active students for the product at the school; {@code %s}: more conditions on the student (u). */
    static final String MINE = """
            with mine as (
                select u.id, u.first_name, u.name_prefix, u.last_name, u.grade_year, u.group_name
                  from enrollment_supervisor es
                  join enrollment e on e.id = es.enrollment_id and e.product_id = :product and e.school_id = :school
                  join app_user u on u.id = e.student_id
                  join school_member m on m.school_id = e.school_id and m.user_id = u.id and m.archived_at is null
                 where es.supervisor_id = :supervisor and es.school_id = :school and %s
            )
            """;

    /**
     * Progress and the week's practice time of each student of the relation {@code %s}, computed from the sessions by
     * a few index lookups per student (highest completed lesson, latest session, the week's sessions).
     */
    static final String WITH_PROGRESS = """
            select st.*, h.highest, l.last_practiced_at, w.school_seconds, w.home_seconds,
                   (select min(t.position) from lesson t where t.product_id = :product and t.ends_with_test
                       and t.position > coalesce(h.highest, 0)) - coalesce(h.highest, 0) as until_test
              from %s st
              left join lateral (select max(ps.lesson_position) as highest from practice_session ps
                                  where ps.school_id = :school and ps.product_id = :product and ps.student_id = st.id
                                    and ps.completed) h on true
              left join lateral (select ps.ended_at as last_practiced_at from practice_session ps
                                  where ps.school_id = :school and ps.product_id = :product and ps.student_id = st.id
                                  order by ps.started_at desc limit 1) l on true
              cross join lateral (
                  select coalesce(sum(extract(epoch from ps.ended_at - ps.started_at)) filter (where ps.location = 'SCHOOL'), 0)::int as school_seconds,
                         coalesce(sum(extract(epoch from ps.ended_at - ps.started_at)) filter (where ps.location = 'HOME'), 0)::int as home_seconds
                    from practice_session ps
                   where ps.school_id = :school and ps.product_id = :product and ps.student_id = st.id
                     and ps.started_at >= :from and ps.started_at < :to) w
            """;

    /**
     * The one statement of an overview page. Sorted by name or grade year without filters on progress, the page is
     * cut first and progress computed for its rows only; otherwise progress is computed for all the supervisor's
     * students, then filtered, sorted and cut. Parameters: school, product, supervisor, from, to, limit, offset and
     * those of the two conditions.
     */
    static String pageSql(Where students, Where progress, String order, boolean orderNeedsProgress) {
        if (!orderNeedsProgress && progress.isEmpty()) {
            return MINE.formatted(students.sql())
                    + ", page as (select mine.*, count(*) over () as total from mine order by %s limit :limit offset :offset)\n".formatted(order)
                    + WITH_PROGRESS.formatted("page") + " order by " + order;
        }
        return MINE.formatted(students.sql()) + ", rows as (" + WITH_PROGRESS.formatted("mine") + ")\n"
                + "select rows.*, count(*) over () as total from rows where %s order by %s limit :limit offset :offset"
                .formatted(progress.sql(), order);
    }

    private final JdbcClient jdbc;

    OverviewQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page page(long schoolId, long productId, long supervisorId, OffsetDateTime from, OffsetDateTime to, Where students,
            Where progress, String order, boolean orderNeedsProgress, int limit, int offset) {
        int[] total = {0};
        List<Row> rows = jdbc.sql(pageSql(students, progress, order, orderNeedsProgress))
                .params(students.params()).params(progress.params())
                .param("school", schoolId).param("product", productId).param("supervisor", supervisorId)
                .param("from", Timestamp.from(from.toInstant())).param("to", Timestamp.from(to.toInstant()))
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> {
                    total[0] = rs.getInt("total");
                    return row(rs);
                }).list();
        return new Page(rows, total[0]);
    }

    Optional<Row> student(long schoolId, long productId, long supervisorId, long studentId, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql(MINE.formatted("u.id = :student") + WITH_PROGRESS.formatted("mine"))
                .param("school", schoolId).param("product", productId).param("supervisor", supervisorId)
                .param("student", studentId)
                .param("from", Timestamp.from(from.toInstant())).param("to", Timestamp.from(to.toInstant()))
                .query((rs, n) -> row(rs)).optional();
    }

    List<LessonSessions> lessons(long schoolId, long productId, long studentId) {
        return jdbc.sql("""
                        select lesson_position, bool_or(completed) as completed, count(*) as sessions,
                               array_remove(array_agg(test_score::float8 order by started_at), null) as scores
                          from practice_session
                         where school_id = :school and product_id = :product and student_id = :student
                         group by lesson_position
                        """)
                .param("school", schoolId).param("product", productId).param("student", studentId)
                .query((rs, n) -> new LessonSessions(rs.getInt(1), rs.getBoolean(2), rs.getInt(3),
                        List.of((Double[]) rs.getArray(4).getArray())))
                .list();
    }

    List<WeekPracticeTime> weeks(long schoolId, long productId, long studentId) {
        return jdbc.sql("""
                        select to_char(started_at at time zone 'Europe/Amsterdam', 'IYYY-"W"IW') as week,
                               coalesce(sum(extract(epoch from ended_at - started_at)) filter (where location = 'SCHOOL'), 0)::int,
                               coalesce(sum(extract(epoch from ended_at - started_at)) filter (where location = 'HOME'), 0)::int
                          from practice_session
                         where school_id = :school and product_id = :product and student_id = :student
                         group by 1 order by 1 desc
                        """)
                .param("school", schoolId).param("product", productId).param("student", studentId)
                .query((rs, n) -> new WeekPracticeTime(rs.getString(1), new PracticeTime(rs.getInt(2), rs.getInt(3)))).list();
    }

    List<Session> recentSessions(long schoolId, long productId, long studentId) {
        return jdbc.sql("""
                        select id, started_at, ended_at, location, lesson_position, completed, test_score::float8
                          from practice_session
                         where school_id = :school and product_id = :product and student_id = :student
                         order by started_at desc, id desc limit 20
                        """)
                .param("school", schoolId).param("product", productId).param("student", studentId)
                .query((rs, n) -> new Session(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), rs.getInt(5), rs.getBoolean(6), (Double) rs.getObject(7)))
                .list();
    }

    boolean assigned(long schoolId, long supervisorId, long productId) {
        return jdbc.sql("""
                        select count(*) from product_assignment where school_id = :school and supervisor_id = :me and product_id = :product
                        """)
                .param("school", schoolId).param("me", supervisorId).param("product", productId).query(Long.class).single() > 0;
    }

    /**
     * For a live subscription, per event: whether the supervisor may still follow the product at the school (an active
     * member holding SUPERVISOR with the product assigned), and of the given students those they follow. One statement.
     */
    Followed followedStudents(long supervisorId, long schoolId, long productId, List<Long> studentIds) {
        return jdbc.sql("""
                        select exists (select 1 from school_member m
                                        where m.school_id = :school and m.user_id = :me and m.archived_at is null)
                           and exists (select 1 from role_grant g
                                        where g.school_id = :school and g.user_id = :me and g.role = 'SUPERVISOR')
                           and exists (select 1 from product_assignment a
                                        where a.school_id = :school and a.supervisor_id = :me and a.product_id = :product)
                               as allowed,
                               array(select e.student_id from enrollment e
                                       join enrollment_supervisor es on es.enrollment_id = e.id and es.supervisor_id = :me
                                      where e.school_id = :school and e.product_id = :product and e.student_id = any(:students)
                                      order by e.student_id) as students
                        """)
                .param("me", supervisorId).param("school", schoolId).param("product", productId)
                .param("students", studentIds.toArray(Long[]::new))
                .query((rs, n) -> new Followed(rs.getBoolean("allowed"),
                        java.util.Arrays.asList((Long[]) rs.getArray("students").getArray())))
                .single();
    }

    /** See {@link #followedStudents}. */
    record Followed(boolean allowed, List<Long> studentIds) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("first_name"), rs.getString("name_prefix"), rs.getString("last_name"),
                rs.getObject("grade_year", Integer.class), rs.getString("group_name"), (Integer) rs.getObject("highest"),
                (Integer) rs.getObject("until_test"), new PracticeTime(rs.getInt("school_seconds"), rs.getInt("home_seconds")),
                rs.getObject("last_practiced_at", OffsetDateTime.class));
    }
}
