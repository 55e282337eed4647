package nl.klaspoort.administration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.klaspoort.access.Role;
import nl.klaspoort.people.Person;
import nl.klaspoort.people.Professional;
import nl.klaspoort.people.Student;
import nl.klaspoort.platform.Keyed;
import nl.klaspoort.platform.Where;
import nl.klaspoort.product.Product;
import nl.klaspoort.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The users read model of a school (B3, B9): members with their roles and links, each list or field in one statement.
 * Joins the owners' tables (school_member, app_user, role_grant, enrollment…); writes nothing. Access is checked by
 * {@link SchoolUsers}.
 */
@Repository
class SchoolUserQueries {

    /**
     * Every member of one school with what the filters, sorts and the overview/archive split need. Only the columns an
     * outer query uses are computed (PostgreSQL drops unused outputs of an inlined CTE).
     */
    static final String MEMBERS = """
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
              union all
              -- issue 10, item 9: a person of another school invited here shows as the admin typed them until they
              -- accept, under the invitation's id (from the users' numbering), like a new professional
              select i.id, 'PROFESSIONAL', null, case when i.archived then i.created_at end, i.roles::varchar[], cardinality(i.roles) > 0,
                     i.search_last, i.search_first, i.search_text
                from school_invitation i
               where i.school_id = :school
            )
            """;

    static final String ACTIVE = "archived_at is null and linked";
    static final String ARCHIVE = "(archived_at is not null or not linked)";
    static final String ROLE_RANK = """
            (case when 'ADMIN' = any(roles) then 0 when 'SUPERVISOR' = any(roles) then 1
                  when kind = 'STUDENT' then 2 else 3 end)""";
    static final String HAS_PRODUCT = """
            (exists (select 1 from enrollment e
                      where e.school_id = :school and e.student_id = member.id and e.product_id = :product)
             or exists (select 1 from product_assignment a
                      where a.school_id = :school and a.supervisor_id = member.id and a.product_id = :product)
             or exists (select 1 from school_invitation i
                      where i.school_id = :school and i.id = member.id and :product = any(i.product_ids)))""";
    static final String FOLLOWED_BY = """
            exists (select 1 from enrollment e join enrollment_supervisor es on es.enrollment_id = e.id
                     where e.school_id = :school and e.student_id = member.id and es.supervisor_id = :supervisor)""";
    static final String FOLLOWED_BY_ME = """
            (id = :me or (kind = 'STUDENT' and archived_at is null and exists (
                select 1 from enrollment e join enrollment_supervisor es on es.enrollment_id = e.id
                 where e.school_id = :school and e.student_id = member.id and es.supervisor_id = :me)))""";
    /** Every word must occur in the normalised names and login. */
    static final String SEARCH = """
            not exists (select 1 from unnest(string_to_array(:search, ' ')) w(word)
                         where strpos(haystack, search_norm(w.word)) = 0)""";

    private static final String NODE_COLUMNS = "id, kind, archived_at, roles, linked";

    /** A member with its sort keys. */
    record Row(SchoolUser node, int rank, String last, String first) {}

    private final JdbcClient jdbc;

    SchoolUserQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Members matching {@code filter} (on the columns of MEMBERS), ranked by {@code rank}, after the cursor
     * {@code keyset} (on {@code k_rank, k_last, k_first, id}), in {@code order}, at most {@code limit}.
     */
    List<Row> page(long schoolId, Where filter, String rank, Where keyset, String order, int limit) {
        return jdbc.sql(MEMBERS + """
                        select * from (select %s, %s as k_rank, k_last, k_first from member where %s) page
                         where %s
                         order by %s
                         limit :limit
                        """.formatted(NODE_COLUMNS, rank, filter.sql(), keyset.sql(), order))
                .params(filter.params()).params(keyset.params()).param("school", schoolId).param("limit", limit)
                .query((rs, n) -> new Row(node(schoolId, rs), rs.getInt("k_rank"), rs.getString("k_last"), rs.getString("k_first")))
                .list();
    }

    int count(long schoolId, Where where) {
        return jdbc.sql(MEMBERS + "select count(*) from member where " + where.sql())
                .params(where.params()).param("school", schoolId).query(Integer.class).single();
    }

    /**
     * The ids of the members matching {@code where}, for "select all" and the bulk actions that follow: a pending
     * invitation (issue 10, item 9) is left out, as no bulk action applies to it until the person accepts.
     */
    List<Long> ids(long schoolId, Where where, int limit) {
        return jdbc.sql(MEMBERS + "select id from member where (" + where.sql() + ")" + """

                           and not exists (select 1 from school_invitation i where i.school_id = :school and i.id = member.id)
                         order by k_last, k_first, id limit :limit""")
                .params(where.params()).param("school", schoolId).param("limit", limit).query(Long.class).list();
    }

    SchoolUser member(long schoolId, Where where) {
        return jdbc.sql(MEMBERS + "select " + NODE_COLUMNS + " from member where " + where.sql())
                .params(where.params()).param("school", schoolId)
                .query((rs, n) -> node(schoolId, rs))
                .optional().orElse(null);
    }

    /** The active supervisors of the schools, by name. */
    List<Keyed<Professional>> supervisors(Collection<Long> schoolIds) {
        return jdbc.sql("""
                        select r.school_id as k_school, r.school_id as k_owner, u.*
                          from role_grant r
                          join school_member m on m.school_id = r.school_id and m.user_id = r.user_id and m.archived_at is null
                          join app_user u on u.id = r.user_id
                         where r.school_id in (:schools) and r.role = 'SUPERVISOR'
                         order by u.search_last, u.search_first, u.id
                        """)
                .param("schools", List.copyOf(schoolIds))
                .query((rs, n) -> keyed(rs, (Professional) Person.fromRow(rs)))
                .list();
    }

    // The links of a batch of SchoolUsers: the batch may span schools, so rows are fetched for the schools x users and
    // matched on (school, user) by the caller.

    /** Students' enrolled products and supervisors' assigned products, by name. */
    List<Keyed<Product>> products(Collection<SchoolUser> batch) {
        return jdbc.sql("""
                        select x.school_id as k_school, x.user_id as k_owner, p.*
                          from (select x.school_id, x.student_id as user_id, x.product_id from enrollment x
                                 where x.school_id in (:schools) and x.student_id in (:users) and """ + FOLLOWED + """

                                union
                                select school_id, supervisor_id, product_id from product_assignment
                                 where school_id in (:schools) and supervisor_id in (:users)
                                union
                                select school_id, id, unnest(product_ids) from school_invitation
                                 where school_id in (:schools) and id in (:users)) x
                          join product p on p.id = x.product_id
                         order by p.name, p.id
                        """)
                .params(keys(batch))
                .query((rs, n) -> keyed(rs, Product.fromRow(rs)))
                .list();
    }

    /** Each student's supervisors over all their enrollments, each once, by name. */
    List<Keyed<Professional>> supervisorsOfStudents(Collection<SchoolUser> batch) {
        return jdbc.sql("""
                        select d.school_id as k_school, d.student_id as k_owner, u.*
                          from (select distinct x.school_id, x.student_id, es.supervisor_id
                                  from enrollment x join enrollment_supervisor es on es.enrollment_id = x.id
                                 where x.school_id in (:schools) and x.student_id in (:users) and """ + FOLLOWED + """
                        ) d
                          join app_user u on u.id = d.supervisor_id
                         order by u.search_last, u.search_first, u.id
                        """)
                .params(keys(batch))
                .query((rs, n) -> keyed(rs, (Professional) Person.fromRow(rs)))
                .list();
    }

    /** The active students each supervisor follows, by name. */
    List<Keyed<Student>> studentsOfSupervisors(Collection<SchoolUser> batch) {
        return jdbc.sql("""
                        select d.school_id as k_school, d.supervisor_id as k_owner, u.*
                          from (select distinct x.school_id, es.supervisor_id, x.student_id
                                  from enrollment_supervisor es
                                  join enrollment x on x.id = es.enrollment_id
                                  join school_member m on m.school_id = x.school_id and m.user_id = x.student_id
                                                      and m.archived_at is null
                                 where es.school_id in (:schools) and es.supervisor_id in (:users)) d
                          join app_user u on u.id = d.student_id
                         order by u.search_last, u.search_first, u.id
                        """)
                .params(keys(batch))
                .query((rs, n) -> keyed(rs, (Student) Person.fromRow(rs)))
                .list();
    }

    private static <T> Keyed<T> keyed(ResultSet rs, T value) throws SQLException {
        return new Keyed<>(rs.getLong("k_school"), rs.getLong("k_owner"), value);
    }

    private static Map<String, Object> keys(Collection<SchoolUser> batch) {
        return Map.of("schools", batch.stream().map(SchoolUser::schoolId).distinct().toList(),
                "users", batch.stream().map(SchoolUser::id).distinct().toList(),
                "restricted", batch.stream().filter(SchoolUser::followedOnly).map(SchoolUser::schoolId).distinct()
                        .toArray(Long[]::new),
                "me", batch.stream().anyMatch(SchoolUser::followedOnly) ? CurrentUser.id() : 0L);
    }

    /** At schools where the reader only follows students: an enrollment counts only when the reader follows it. */
    private static final String FOLLOWED = """
            (x.school_id <> all(:restricted::bigint[]) or exists (select 1 from enrollment_supervisor f
                                                                 where f.enrollment_id = x.id and f.supervisor_id = :me))""";

    /** Of the members read by a follower ({@link SchoolUser#followedOnly}), the ids of the enrollments they follow. */
    Set<Long> followedEnrollments(Collection<SchoolUser> batch) {
        return new HashSet<>(jdbc.sql("""
                        select x.id from enrollment x
                         where x.school_id in (:schools) and x.student_id in (:users) and
                        """ + FOLLOWED)
                .params(keys(batch))
                .query(Long.class).list());
    }

    private static SchoolUser node(long schoolId, ResultSet rs) throws SQLException {
        boolean student = "STUDENT".equals(rs.getString("kind"));
        List<Role> roles = Stream.concat(Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf),
                student ? Stream.of(Role.STUDENT) : Stream.empty()).toList();
        return new SchoolUser(schoolId, rs.getLong("id"), student, roles,
                rs.getObject("archived_at", OffsetDateTime.class), rs.getBoolean("linked"), false);
    }
}
