package nl.klaspoort.results.internal;

import nl.klaspoort.platform.BadRequestException;
import nl.klaspoort.platform.Connection;
import nl.klaspoort.platform.Cursors;
import nl.klaspoort.platform.Edge;
import nl.klaspoort.platform.PageInfo;
import nl.klaspoort.platform.PageSize;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.product.Curriculum;
import nl.klaspoort.product.Lesson;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a supervisor sees of results (RS1–RS4): only the students linked to them (enrollment_supervisor) for the product
 * at the school; everything else does not exist for them. The overview is one SQL statement per page: progress and the
 * week's practice time are computed from the sessions, not stored.
 */
@Service
class SupervisorResults {

    enum SortField { NAME, GRADE_YEAR, HIGHEST_LESSON, LESSONS_UNTIL_TEST, PRACTICE_TIME }

    enum Direction { ASC, DESC }

    record Sort(SortField field, Direction direction) {}

    record Filter(String search, List<Integer> gradeYears, List<String> groups, Boolean noPracticeThisWeek, Boolean testDue) {}

    record PracticeTime(int schoolSeconds, int homeSeconds) {
        public int totalSeconds() { return schoolSeconds + homeSeconds; }
    }

    record Row(long studentId, String firstName, String namePrefix, String lastName, int gradeYear, String group,
               Integer highestCompletedLesson, Integer lessonsUntilNextTest, PracticeTime practiceTime,
               OffsetDateTime lastPracticedAt) {
        public String displayName() { return displayName(firstName, namePrefix, lastName); }

        static String displayName(String first, String prefix, String last) {
            return prefix == null || prefix.isBlank() ? first + " " + last : first + " " + prefix + " " + last;
        }
    }

    /** GraphQL {@code ResultsOverviewConnection}: a page of rows with the week it shows. */
    record OverviewConnection(List<Edge<Row>> edges, PageInfo pageInfo, int totalCount, String week, String previousWeek,
            String nextWeek) {}

    record LessonResult(Lesson lesson, boolean completed, int sessions, List<Double> testScores) {}

    record WeekPracticeTime(String week, PracticeTime practiceTime) {}

    record Session(long id, OffsetDateTime startedAt, OffsetDateTime endedAt, String location, int lessonPosition,
                   boolean completed, Double testScore) {}

    record StudentResults(long studentId, String displayName, int gradeYear, String group, Integer highestCompletedLesson,
                          Integer lessonsUntilNextTest, List<LessonResult> lessons, List<WeekPracticeTime> weeks,
                          List<Session> recentSessions) {}

    /** The supervisor's active students for the product at the school; {@code %s}: more conditions on the student. */
    private static final String MINE = """
            with mine as (
                select u.id, u.first_name, u.name_prefix, u.last_name, u.grade_year, u.group_name
                  from enrollment_supervisor es
                  join enrollment e on e.id = es.enrollment_id and e.product_id = :product and e.school_id = :school
                  join app_user u on u.id = e.student_id
                  join school_member m on m.school_id = e.school_id and m.user_id = u.id and m.archived_at is null
                 where es.supervisor_id = :supervisor and es.school_id = :school %s
            )
            """;

    /**
     * Progress and the week's practice time of each student of the relation {@code %s}, computed from the sessions by
     * a few index lookups per student (highest completed lesson, latest session, the week's sessions).
     */
    private static final String WITH_PROGRESS = """
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
     * students, then filtered, sorted and cut. Parameters: school, product, supervisor, from, to, limit, offset.
     */
    static String pageSql(String studentWhere, List<String> progressWhere, String order, boolean orderNeedsProgress) {
        if (!orderNeedsProgress && progressWhere.isEmpty()) {
            return MINE.formatted(studentWhere)
                    + ", page as (select mine.*, count(*) over () as total from mine order by %s limit :limit offset :offset)\n".formatted(order)
                    + WITH_PROGRESS.formatted("page") + " order by " + order;
        }
        return MINE.formatted(studentWhere) + ", rows as (" + WITH_PROGRESS.formatted("mine") + ")\n"
                + "select rows.*, count(*) over () as total from rows %s order by %s limit :limit offset :offset"
                .formatted(progressWhere.isEmpty() ? "" : "where " + String.join(" and ", progressWhere), order);
    }

    private final JdbcClient jdbc;
    private final SchoolAccess access;
    private final Curriculum curriculum;

    SupervisorResults(JdbcClient jdbc, SchoolAccess access, Curriculum curriculum) {
        this.jdbc = jdbc;
        this.access = access;
        this.curriculum = curriculum;
    }

    OverviewConnection overview(long schoolId, long productId, String weekText, Integer first, String after, Filter filter, Sort sort) {
        access.require(schoolId, Role.SUPERVISOR);
        IsoWeek week = weekText == null ? IsoWeek.current() : IsoWeek.parse(weekText)
                .orElseThrow(() -> new BadRequestException(ResultsError.INVALID_WEEK, Map.of("value", weekText)));
        PageSize size = PageSize.of(first);
        Filter f = filter == null ? new Filter(null, null, null, null, null) : filter;
        Sort s = sort == null ? new Sort(SortField.NAME, Direction.ASC) : sort;
        String sortOrder = s.field() + ":" + s.direction();
        int offset = after == null ? 0 : decodeOffset(after, sortOrder) + 1;

        StringBuilder studentWhere = new StringBuilder();
        List<String> rowWhere = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (f.search() != null && !f.search().isBlank()) {
            studentWhere.append("""
                     and (lower(u.first_name) like :search escape '\\' or lower(u.last_name) like :search escape '\\'
                          or lower(concat_ws(' ', u.first_name, u.name_prefix, u.last_name)) like :search escape '\\')""");
            params.put("search", "%" + f.search().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.gradeYears() != null && !f.gradeYears().isEmpty()) {
            studentWhere.append(" and u.grade_year in (:grades)");
            params.put("grades", f.gradeYears());
        }
        if (f.groups() != null && !f.groups().isEmpty()) {
            studentWhere.append(" and u.group_name in (:groups)");
            params.put("groups", f.groups());
        }
        if (Boolean.TRUE.equals(f.noPracticeThisWeek())) {
            rowWhere.add("school_seconds + home_seconds = 0");
        }
        if (Boolean.TRUE.equals(f.testDue())) {
            rowWhere.add("until_test = 1");
        }
        String dir = s.direction() == Direction.DESC ? " desc" : " asc";
        String order = switch (s.field()) {
            case NAME -> "lower(last_name)" + dir + ", lower(first_name)" + dir + ", id" + dir;
            case GRADE_YEAR -> "grade_year" + dir + ", group_name" + dir + ", lower(last_name), lower(first_name), id";
            case HIGHEST_LESSON -> "coalesce(highest, 0)" + dir + ", lower(last_name), lower(first_name), id";
            case LESSONS_UNTIL_TEST -> "until_test" + dir + " nulls last, lower(last_name), lower(first_name), id";
            case PRACTICE_TIME -> "school_seconds + home_seconds" + dir + ", lower(last_name), lower(first_name), id";
        };
        String sql = pageSql(studentWhere.toString(), rowWhere, order,
                s.field() != SortField.NAME && s.field() != SortField.GRADE_YEAR);
        var statement = jdbc.sql(sql).params(params)
                .param("school", schoolId).param("product", productId).param("supervisor", CurrentUser.id())
                .param("from", Timestamp.from(week.start())).param("to", Timestamp.from(week.end()))
                .param("limit", size.fetch()).param("offset", offset);
        int[] total = {0};
        List<Row> rows = statement.query((rs, n) -> {
            total[0] = rs.getInt("total");
            return row(rs);
        }).list();
        List<Integer> positions = java.util.stream.IntStream.range(0, rows.size()).boxed().toList();
        Connection<Integer> page = Connection.of(positions, size, offset > 0, i -> Cursors.encode("resultsOverview", sortOrder, offset + i));
        return new OverviewConnection(page.edges().stream().map(e -> new Edge<>(e.cursor(), rows.get(e.node()))).toList(),
                page.pageInfo(), total[0], week.toString(), week.previous().toString(), week.next().toString());
    }

    /** One student's results for the product; null unless the student is linked to the signed-in supervisor. */
    StudentResults studentResults(long schoolId, long studentId, long productId) {
        access.require(schoolId, Role.SUPERVISOR);
        IsoWeek week = IsoWeek.current();
        Row row = jdbc.sql(MINE.formatted(" and u.id = :student") + WITH_PROGRESS.formatted("mine"))
                .param("school", schoolId).param("product", productId).param("supervisor", CurrentUser.id())
                .param("student", studentId)
                .param("from", Timestamp.from(week.start())).param("to", Timestamp.from(week.end()))
                .query((rs, n) -> row(rs)).optional().orElse(null);
        if (row == null) {
            return null;
        }
        Map<Integer, Lesson> lessons = curriculum.lessons(List.of(productId)).get(productId).stream()
                .collect(Collectors.toMap(Lesson::position, Function.identity()));
        Map<Integer, LessonResult> perLesson = new java.util.TreeMap<>();
        lessons.values().forEach(l -> perLesson.put(l.position(), new LessonResult(l, false, 0, List.of())));
        jdbc.sql("""
                        select lesson_position, bool_or(completed) as completed, count(*) as sessions,
                               array_remove(array_agg(test_score::float8 order by started_at), null) as scores
                          from practice_session
                         where school_id = :school and product_id = :product and student_id = :student
                         group by lesson_position
                        """)
                .param("school", schoolId).param("product", productId).param("student", studentId)
                .query((rs, n) -> {
                    Lesson lesson = lessons.get(rs.getInt(1));
                    if (lesson != null) {
                        perLesson.put(lesson.position(), new LessonResult(lesson, rs.getBoolean(2), rs.getInt(3),
                                List.of((Double[]) rs.getArray(4).getArray())));
                    }
                    return null;
                }).list();
        List<WeekPracticeTime> weeks = jdbc.sql("""
                        select to_char(started_at at time zone 'Europe/Amsterdam', 'IYYY-"W"IW') as week,
                               coalesce(sum(extract(epoch from ended_at - started_at)) filter (where location = 'SCHOOL'), 0)::int,
                               coalesce(sum(extract(epoch from ended_at - started_at)) filter (where location = 'HOME'), 0)::int
                          from practice_session
                         where school_id = :school and product_id = :product and student_id = :student
                         group by 1 order by 1 desc
                        """)
                .param("school", schoolId).param("product", productId).param("student", studentId)
                .query((rs, n) -> new WeekPracticeTime(rs.getString(1), new PracticeTime(rs.getInt(2), rs.getInt(3)))).list();
        List<Session> recent = jdbc.sql("""
                        select id, started_at, ended_at, location, lesson_position, completed, test_score::float8
                          from practice_session
                         where school_id = :school and product_id = :product and student_id = :student
                         order by started_at desc, id desc limit 20
                        """)
                .param("school", schoolId).param("product", productId).param("student", studentId)
                .query((rs, n) -> new Session(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), rs.getInt(5), rs.getBoolean(6), (Double) rs.getObject(7)))
                .list();
        return new StudentResults(row.studentId(), row.displayName(), row.gradeYear(), row.group(),
                row.highestCompletedLesson(), row.lessonsUntilNextTest(), List.copyOf(perLesson.values()), weeks, recent);
    }

    /** Refuses unless the signed-in user is SUPERVISOR at the school with the product assigned. */
    long requireAssignedSupervisor(long schoolId, long productId) {
        access.require(schoolId, Role.SUPERVISOR);
        long me = CurrentUser.id();
        boolean assigned = jdbc.sql("""
                        select count(*) from product_assignment where school_id = :school and supervisor_id = :me and product_id = :product
                        """)
                .param("school", schoolId).param("me", me).param("product", productId).query(Long.class).single() > 0;
        if (!assigned) {
            throw new AccessRefusedException(AccessRefusedException.Reason.NOT_FOUND, "product " + productId);
        }
        return me;
    }

    /** Of the given students, those the supervisor follows for the product at the school. */
    List<Long> followedStudents(long supervisorId, long schoolId, long productId, List<Long> studentIds) {
        return jdbc.sql("""
                        select e.student_id from enrollment e
                          join enrollment_supervisor es on es.enrollment_id = e.id and es.supervisor_id = :me
                         where e.school_id = :school and e.product_id = :product and e.student_id in (:students)
                         order by e.student_id
                        """)
                .param("me", supervisorId).param("school", schoolId).param("product", productId).param("students", studentIds)
                .query(Long.class).list();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("first_name"), rs.getString("name_prefix"), rs.getString("last_name"),
                rs.getInt("grade_year"), rs.getString("group_name"), (Integer) rs.getObject("highest"),
                (Integer) rs.getObject("until_test"), new PracticeTime(rs.getInt("school_seconds"), rs.getInt("home_seconds")),
                rs.getObject("last_practiced_at", OffsetDateTime.class));
    }

    private static int decodeOffset(String cursor, String order) {
        try {
            return Math.max(0, Integer.parseInt(Cursors.decode(cursor, "resultsOverview", order, 1).getFirst()));
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }
}
