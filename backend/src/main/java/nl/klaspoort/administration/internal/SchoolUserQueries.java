package nl.klaspoort.administration.internal;

import nl.klaspoort.platform.BadRequestException;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.Connection;
import nl.klaspoort.platform.Cursors;
import nl.klaspoort.platform.Edge;
import nl.klaspoort.platform.PageSize;

import nl.klaspoort.people.Professional;
import nl.klaspoort.people.Student;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.klaspoort.platform.KeyedEntities;
import nl.klaspoort.product.Product;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The users read model of a school (B3, B9): the overview and archive as keyset-paged lists, one member, the ids
 * matching a filter, and the links of a page of users, each in one SQL statement. Tenant and role checks are made here:
 * the lists are for the school's ADMINs only.
 */
@Service
public class SchoolUserQueries {

    /** GraphQL {@code UserKind}. */
    public enum Kind { PROFESSIONAL, STUDENT }

    /** GraphQL {@code UserSortField}. */
    public enum SortField { NAME, GRADE_YEAR, ROLE }

    /** GraphQL {@code SortDirection}. */
    public enum Direction { ASC, DESC }

    /** GraphQL {@code UserFilter}. */
    public record Filter(Kind kind, Role role, String productId, String supervisorId, List<Integer> gradeYears,
            String search) {}

    /** GraphQL {@code UserSort}. */
    public record Sort(SortField field, Direction direction) {
        static final Sort DEFAULT = new Sort(SortField.NAME, Direction.ASC);
    }

    static final int MAX_IDS = 5_000;
    static final int MAX_SEARCH = 200;

    /**
     * Every member of one school with what the filters, sorts and the overview/archive split need. Only the columns an
     * outer query uses are computed (PostgreSQL drops unused outputs of an inlined CTE).
     */
    private static final String MEMBERS = """
            with member as (
              select u.id, u.kind, u.grade_year, m.archived_at,
                     array(select r.role from role_grant r
                            where r.school_id = m.school_id and r.user_id = u.id order by r.role) as roles,
                     case when u.kind = 'STUDENT'
                          then exists (select 1 from enrollment e where e.school_id = m.school_id and e.student_id = u.id)
                          else exists (select 1 from role_grant r where r.school_id = m.school_id and r.user_id = u.id)
                     end as linked,
                     u.search_last as k_last, u.search_first as k_first, u.search_text as haystack
                from school_member m join app_user u on u.id = m.user_id
               where m.school_id = :school
            )
            """;

    private static final String ACTIVE = "archived_at is null and linked";
    private static final String ARCHIVE = "(archived_at is not null or not linked)";
    private static final String ROLE_RANK = """
            (case when 'ADMIN' = any(roles) then 0 when 'SUPERVISOR' = any(roles) then 1
                  when kind = 'STUDENT' then 2 else 3 end)""";
    private static final String NODE_COLUMNS = "id, kind, archived_at, roles, linked";

    private final JdbcClient jdbc;
    private final SchoolAccess access;
    private final KeyedEntities entities;

    SchoolUserQueries(JdbcClient jdbc, SchoolAccess access, KeyedEntities entities) {
        this.jdbc = jdbc;
        this.access = access;
        this.entities = entities;
    }

    /**
     * One page of the overview ({@code archive == false}) or the archive. ADMIN only. One statement for the page (plus
     * one for the total when {@code withTotal}).
     */
    public Connection<SchoolUser> page(long schoolId, boolean archive, Integer first, String after, Filter filter, Sort sort,
            boolean withTotal) {
        access.require(schoolId, Role.ADMIN);
        PageSize size = PageSize.of(first);
        Sort order = sort == null ? Sort.DEFAULT : sort;
        boolean desc = order.direction() == Direction.DESC;
        boolean namesDesc = desc && order.field() == SortField.NAME;
        String rank = switch (order.field()) {
            case NAME -> "0";
            case GRADE_YEAR -> desc ? "coalesce(-grade_year, 99)" : "coalesce(grade_year, 99)";
            case ROLE -> (desc ? "-" : "") + ROLE_RANK;
        };
        Map<String, Object> params = new HashMap<>();
        params.put("school", schoolId);
        String where = conditions(filter, archive, params);
        String keyset = "true";
        String sortOrder = order.field() + ":" + order.direction();
        if (after != null) {
            List<String> key = Cursors.decode(after, "users", sortOrder, 4);
            keyset = "(k_rank > :c_rank or (k_rank = :c_rank and (k_last, k_first, id) %s (:c_last, :c_first, :c_id)))"
                    .formatted(namesDesc ? "<" : ">");
            try {
                params.put("c_rank", Integer.parseInt(key.get(0)));
                params.put("c_last", key.get(1));
                params.put("c_first", key.get(2));
                params.put("c_id", Long.parseLong(key.get(3)));
            } catch (NumberFormatException e) {
                throw Cursors.invalid();
            }
        }
        String dir = namesDesc ? "desc" : "asc";
        params.put("limit", size.fetch());
        record Row(SchoolUser node, String cursor) {}
        List<Row> rows = jdbc.sql(MEMBERS + """
                        select * from (select %s, %s as k_rank, k_last, k_first from member where %s) page
                         where %s
                         order by k_rank, k_last %s, k_first %s, id %s
                         limit :limit
                        """.formatted(NODE_COLUMNS, rank, where, keyset, dir, dir, dir))
                .params(params)
                .query((rs, n) -> new Row(node(schoolId, rs), Cursors.encode("users", sortOrder, rs.getInt("k_rank"),
                        rs.getString("k_last"), rs.getString("k_first"), rs.getLong("id"))))
                .list();
        Integer total = withTotal
                ? jdbc.sql(MEMBERS + "select count(*) from member where " + where).params(params).query(Integer.class).single()
                : null;
        Connection<Row> page = Connection.of(rows, size, after != null, Row::cursor);
        return new Connection<>(page.edges().stream().map(e -> new Edge<>(e.cursor(), e.node().node())).toList(),
                page.pageInfo(), total);
    }

    /** The ids of all overview ({@code archive == false}) or archive users matching the filter, by name. ADMIN only. */
    public List<Long> ids(long schoolId, boolean archive, Filter filter) {
        access.require(schoolId, Role.ADMIN);
        Map<String, Object> params = new HashMap<>();
        params.put("school", schoolId);
        params.put("limit", MAX_IDS + 1);
        List<Long> ids = jdbc.sql(MEMBERS + "select id from member where " + conditions(filter, archive, params)
                        + " order by k_last, k_first, id limit :limit")
                .params(params).query(Long.class).list();
        if (ids.size() > MAX_IDS) {
            throw new BadRequestException(AdministrationError.TOO_MANY_MATCHES, Map.of("max", MAX_IDS));
        }
        return ids;
    }

    /**
     * One member of the school, or null. An ADMIN reads every member; a SUPERVISOR only themselves and the active
     * students they follow (others: null, as if not there); a student is refused.
     */
    public SchoolUser member(long schoolId, long userId) {
        Set<Role> roles = access.require(schoolId, Role.ADMIN, Role.SUPERVISOR);
        Map<String, Object> params = new HashMap<>();
        params.put("school", schoolId);
        params.put("id", userId);
        String visible = "true";
        if (!roles.contains(Role.ADMIN)) {
            params.put("me", CurrentUser.id());
            visible = """
                    (id = :me or (kind = 'STUDENT' and archived_at is null and exists (
                        select 1 from enrollment e join enrollment_supervisor es on es.enrollment_id = e.id
                         where e.school_id = :school and e.student_id = member.id and es.supervisor_id = :me)))""";
        }
        return jdbc.sql(MEMBERS + "select " + NODE_COLUMNS + " from member where id = :id and " + visible)
                .params(params)
                .query((rs, n) -> node(schoolId, rs))
                .optional().orElse(null);
    }

    /** The active supervisors of each school where the signed-in user holds a role, by name; other schools: none. */
    public Map<Long, List<Professional>> supervisors(Collection<Long> schoolIds) {
        List<Long> allowed = access.rolesAt(schoolIds).entrySet().stream()
                .filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        Map<Long, List<Professional>> result = new HashMap<>();
        if (allowed.isEmpty()) {
            return result;
        }
        entities.list(Professional.class, """
                        select r.school_id as k_school, r.school_id as k_owner, e.*
                          from role_grant r
                          join school_member m on m.school_id = r.school_id and m.user_id = r.user_id and m.archived_at is null
                          join app_user e on e.id = r.user_id
                         where r.school_id in (:schools) and r.role = 'SUPERVISOR'
                         order by e.search_last, e.search_first, e.id
                        """, Map.of("schools", allowed))
                .forEach(row -> result.computeIfAbsent(row.schoolId(), k -> new ArrayList<>()).add(row.entity()));
        return result;
    }

    // The links of a batch of SchoolUsers: the batch may span schools, so rows are fetched for the schools x users and
    // matched on (school, user) by the caller.

    /** Students' enrolled products and supervisors' assigned products, by name. */
    public List<KeyedEntities.Row<Product>> products(Collection<SchoolUser> batch) {
        return entities.list(Product.class, """
                select x.school_id as k_school, x.user_id as k_owner, e.*
                  from (select school_id, student_id as user_id, product_id from enrollment
                         where school_id in (:schools) and student_id in (:users)
                        union
                        select school_id, supervisor_id, product_id from product_assignment
                         where school_id in (:schools) and supervisor_id in (:users)) x
                  join product e on e.id = x.product_id
                 order by e.name, e.id
                """, keys(batch));
    }

    /** Each student's supervisors over all their enrollments, each once, by name. */
    public List<KeyedEntities.Row<Professional>> supervisorsOfStudents(Collection<SchoolUser> batch) {
        return entities.list(Professional.class, """
                select d.school_id as k_school, d.student_id as k_owner, e.*
                  from (select distinct x.school_id, x.student_id, es.supervisor_id
                          from enrollment x join enrollment_supervisor es on es.enrollment_id = x.id
                         where x.school_id in (:schools) and x.student_id in (:users)) d
                  join app_user e on e.id = d.supervisor_id
                 order by e.search_last, e.search_first, e.id
                """, keys(batch));
    }

    /** The active students each supervisor follows, by name. */
    public List<KeyedEntities.Row<Student>> studentsOfSupervisors(Collection<SchoolUser> batch) {
        return entities.list(Student.class, """
                select d.school_id as k_school, d.supervisor_id as k_owner, e.*
                  from (select distinct x.school_id, es.supervisor_id, x.student_id
                          from enrollment_supervisor es
                          join enrollment x on x.id = es.enrollment_id
                          join school_member m on m.school_id = x.school_id and m.user_id = x.student_id
                                              and m.archived_at is null
                         where es.school_id in (:schools) and es.supervisor_id in (:users)) d
                  join app_user e on e.id = d.student_id
                 order by e.search_last, e.search_first, e.id
                """, keys(batch));
    }

    private static Map<String, Object> keys(Collection<SchoolUser> batch) {
        return Map.of("schools", batch.stream().map(SchoolUser::schoolId).distinct().toList(),
                "users", batch.stream().map(SchoolUser::id).distinct().toList());
    }

    private static SchoolUser node(long schoolId, ResultSet rs) throws SQLException {
        boolean student = "STUDENT".equals(rs.getString("kind"));
        List<Role> roles = Stream.concat(Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf),
                student ? Stream.of(Role.STUDENT) : Stream.empty()).toList();
        return new SchoolUser(schoolId, rs.getLong("id"), student, roles,
                rs.getObject("archived_at", OffsetDateTime.class), rs.getBoolean("linked"));
    }

    /** The SQL condition for a filter on the overview or the archive; adds its parameters. Refuses bad input. */
    private static String conditions(Filter filter, boolean archive, Map<String, Object> params) {
        List<String> where = new ArrayList<>(List.of(archive ? ARCHIVE : ACTIVE));
        if (filter == null) {
            return where.getFirst();
        }
        if (filter.kind() != null) {
            where.add("kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.role() == Role.STUDENT) {
            where.add("kind = 'STUDENT'");
        } else if (filter.role() != null) {
            where.add("cast(:role as varchar) = any(roles)");
            params.put("role", filter.role().name());
        }
        if (filter.productId() != null) {
            where.add("""
                    (exists (select 1 from enrollment e
                              where e.school_id = :school and e.student_id = member.id and e.product_id = :product)
                     or exists (select 1 from product_assignment a
                              where a.school_id = :school and a.supervisor_id = member.id and a.product_id = :product))""");
            params.put("product", id(filter.productId(), "productId"));
        }
        if (filter.supervisorId() != null) {
            where.add("""
                    exists (select 1 from enrollment e join enrollment_supervisor es on es.enrollment_id = e.id
                             where e.school_id = :school and e.student_id = member.id and es.supervisor_id = :supervisor)""");
            params.put("supervisor", id(filter.supervisorId(), "supervisorId"));
        }
        if (filter.gradeYears() != null && !filter.gradeYears().isEmpty()) {
            Set<Integer> years = Set.copyOf(filter.gradeYears());
            years.stream().filter(y -> y < 1 || y > 8).findFirst().ifPresent(y -> {
                throw new BadRequestException(CommonError.ARGUMENT_OUT_OF_RANGE,
                        Map.of("argument", "gradeYears", "min", 1, "max", 8, "value", y));
            });
            where.add("grade_year in (:gradeYears)");
            params.put("gradeYears", List.copyOf(years));
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            if (filter.search().length() > MAX_SEARCH) {
                throw new BadRequestException(CommonError.ARGUMENT_TOO_LONG, Map.of("argument", "search", "max", MAX_SEARCH));
            }
            // every word must occur in the normalised names and login
            where.add("""
                    not exists (select 1 from unnest(string_to_array(:search, ' ')) w(word)
                                 where strpos(haystack, search_norm(w.word)) = 0)""");
            params.put("search", String.join(" ", filter.search().strip().split("\\s+")));
        }
        return String.join(" and ", where);
    }

    /** Parses a GraphQL id of a user or product; anything else is bad input. */
    static long id(String value, String argument) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(CommonError.INVALID_ID, Map.of("argument", argument, "value", value));
        }
    }
}
