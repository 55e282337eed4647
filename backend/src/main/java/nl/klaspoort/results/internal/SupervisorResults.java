package nl.klaspoort.results.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.people.Person;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.BadRequestException;
import nl.klaspoort.platform.Connection;
import nl.klaspoort.platform.Cursors;
import nl.klaspoort.platform.Edge;
import nl.klaspoort.platform.OrderBy;
import nl.klaspoort.platform.PageInfo;
import nl.klaspoort.platform.PageSize;
import nl.klaspoort.platform.Where;
import nl.klaspoort.product.Curriculum;
import nl.klaspoort.product.Lesson;
import nl.klaspoort.security.CurrentUser;
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

    record Row(long studentId, String firstName, String namePrefix, String lastName, Integer gradeYear, String group,
               Integer highestCompletedLesson, Integer lessonsUntilNextTest, PracticeTime practiceTime,
               OffsetDateTime lastPracticedAt) {
        public String displayName() {
            return Person.displayName(firstName, namePrefix, lastName);
        }
    }

    /** The tie-breakers of every order: name, then id. */
    private static final String[] BY_NAME = {"lower(last_name)", "lower(first_name)", "id"};

    /** GraphQL {@code ResultsOverviewConnection}: a page of rows with the week it shows. */
    record OverviewConnection(List<Edge<Row>> edges, PageInfo pageInfo, int totalCount, String week, String previousWeek,
            String nextWeek) {}

    record LessonResult(Lesson lesson, boolean completed, int sessions, List<Double> testScores) {}

    record WeekPracticeTime(String week, PracticeTime practiceTime) {}

    record Session(long id, OffsetDateTime startedAt, OffsetDateTime endedAt, String location, int lessonPosition,
                   boolean completed, Double testScore) {}

    record StudentResults(long studentId, String displayName, Integer gradeYear, String group, Integer highestCompletedLesson,
                          Integer lessonsUntilNextTest, List<LessonResult> lessons, List<WeekPracticeTime> weeks,
                          List<Session> recentSessions) {}

    private final OverviewQueries queries;
    private final SchoolAccess access;
    private final Curriculum curriculum;
    private final Clock clock;

    SupervisorResults(OverviewQueries queries, SchoolAccess access, Curriculum curriculum, Clock clock) {
        this.queries = queries;
        this.access = access;
        this.curriculum = curriculum;
        this.clock = clock;
    }

    OverviewConnection overview(long schoolId, long productId, String weekText, Integer first, String after, Filter filter, Sort sort) {
        access.require(schoolId, Role.SUPERVISOR);
        IsoWeek week = weekText == null ? IsoWeek.current(clock) : IsoWeek.parse(weekText)
                .orElseThrow(() -> new BadRequestException(ResultsError.INVALID_WEEK, Map.of("value", weekText)));
        PageSize size = PageSize.of(first);
        Filter f = filter == null ? new Filter(null, null, null, null, null) : filter;
        Sort s = sort == null ? new Sort(SortField.NAME, Direction.ASC) : sort;
        String sortOrder = s.field() + ":" + s.direction();
        int offset = after == null ? 0 : decodeOffset(after, sortOrder) + 1;
        boolean hasSearch = f.search() != null && !f.search().isBlank();
        Where students = Where.all()
                .andIf(hasSearch, """
                        (lower(u.first_name) like :search escape '\\' or lower(u.last_name) like :search escape '\\'
                         or lower(concat_ws(' ', u.first_name, u.name_prefix, u.last_name)) like :search escape '\\')""",
                        "search", hasSearch ? "%" + f.search().strip().toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" : null)
                .andIf(f.gradeYears() != null && !f.gradeYears().isEmpty(), "u.grade_year in (:grades)", "grades", f.gradeYears())
                .andIf(f.groups() != null && !f.groups().isEmpty(), "u.group_name in (:groups)", "groups", f.groups());
        Where progress = Where.all()
                .andIf(Boolean.TRUE.equals(f.noPracticeThisWeek()), "school_seconds + home_seconds = 0")
                .andIf(Boolean.TRUE.equals(f.testDue()), "until_test = 1");
        boolean desc = s.direction() == Direction.DESC;
        String order = switch (s.field()) {
            case NAME -> OrderBy.by("lower(last_name)", desc).then("lower(first_name)", desc).then("id", desc).sql();
            case GRADE_YEAR -> OrderBy.by("grade_year", desc).then("group_name", desc).then(BY_NAME).sql();
            case HIGHEST_LESSON -> OrderBy.by("coalesce(highest, 0)", desc).then(BY_NAME).sql();
            case LESSONS_UNTIL_TEST -> OrderBy.by(desc ? "until_test desc nulls last" : "until_test nulls last", false).then(BY_NAME).sql();
            case PRACTICE_TIME -> OrderBy.by("school_seconds + home_seconds", desc).then(BY_NAME).sql();
        };
        OverviewQueries.Page rows = queries.page(schoolId, productId, CurrentUser.id(), week.start(), week.end(), students,
                progress, order, s.field() != SortField.NAME && s.field() != SortField.GRADE_YEAR, size.fetch(), offset);
        List<Integer> positions = IntStream.range(0, rows.rows().size()).boxed().toList();
        Connection<Integer> page = Connection.of(positions, size, offset > 0,
                i -> Cursors.encode("resultsOverview", sortOrder, offset + i));
        return new OverviewConnection(page.edges().stream().map(e -> new Edge<>(e.cursor(), rows.rows().get(e.node()))).toList(),
                page.pageInfo(), rows.total(), week.toString(), week.previous().toString(), week.next().toString());
    }

    /** One student's results for the product; null unless the student is linked to the signed-in supervisor. */
    StudentResults studentResults(long schoolId, long studentId, long productId) {
        access.require(schoolId, Role.SUPERVISOR);
        IsoWeek week = IsoWeek.current(clock);
        Row row = queries.student(schoolId, productId, CurrentUser.id(), studentId, week.start(), week.end()).orElse(null);
        if (row == null) {
            return null;
        }
        Map<Integer, Lesson> lessons = curriculum.lessons(List.of(productId)).get(productId).stream()
                .collect(Collectors.toMap(Lesson::position, Function.identity()));
        Map<Integer, LessonResult> perLesson = new TreeMap<>();
        lessons.values().forEach(l -> perLesson.put(l.position(), new LessonResult(l, false, 0, List.of())));
        for (OverviewQueries.LessonSessions sessions : queries.lessons(schoolId, productId, studentId)) {
            Lesson lesson = lessons.get(sessions.position());
            if (lesson != null) {
                perLesson.put(lesson.position(), new LessonResult(lesson, sessions.completed(), sessions.sessions(),
                        sessions.testScores()));
            }
        }
        List<WeekPracticeTime> weeks = queries.weeks(schoolId, productId, studentId);
        List<Session> recent = queries.recentSessions(schoolId, productId, studentId);
        return new StudentResults(row.studentId(), row.displayName(), row.gradeYear(), row.group(),
                row.highestCompletedLesson(), row.lessonsUntilNextTest(), List.copyOf(perLesson.values()), weeks, recent);
    }

    /** Refuses unless the signed-in user is SUPERVISOR at the school with the product assigned. */
    long requireAssignedSupervisor(long schoolId, long productId) {
        access.require(schoolId, Role.SUPERVISOR);
        long me = CurrentUser.id();
        if (!queries.assigned(schoolId, me, productId)) {
            throw new AccessRefusedException(AccessRefusedException.Reason.NOT_FOUND, "product " + productId);
        }
        return me;
    }

    /**
     * Whether the supervisor may still follow the product at the school (not archived, still SUPERVISOR, the product
     * still assigned: a live subscription is checked again at every event), and of the given students those they follow.
     */
    OverviewQueries.Followed followedStudents(long supervisorId, long schoolId, long productId, List<Long> studentIds) {
        return queries.followedStudents(supervisorId, schoolId, productId, studentIds);
    }

    private static int decodeOffset(String cursor, String order) {
        try {
            return Math.max(0, Integer.parseInt(Cursors.decode(cursor, "resultsOverview", order, 1).getFirst()));
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }
}
