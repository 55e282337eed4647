package nl.klaspoort.enrollment.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.enrollment.EnrollmentView;
import nl.klaspoort.enrollment.Enrollments.LinkRow;
import nl.klaspoort.people.Person;
import nl.klaspoort.people.Professional;
import nl.klaspoort.platform.Keyed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code product_assignment}, {@code enrollment} and {@code enrollment_supervisor} (with memberships and roles where a rule needs them). */
@Repository
public class EnrollmentQueries {

    private final JdbcClient jdbc;

    EnrollmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The enrollments of the students at the schools, by product name; one statement. */
    public List<EnrollmentView> enrollments(Collection<Long> schoolIds, Collection<Long> studentIds) {
        return jdbc.sql("""
                        select e.id, e.school_id, e.student_id, e.product_id
                          from enrollment e join product p on p.id = e.product_id
                         where e.school_id in (:schools) and e.student_id in (:users)
                         order by p.name, e.id
                        """)
                .param("schools", List.copyOf(schoolIds))
                .param("users", List.copyOf(studentIds))
                .query((rs, n) -> new EnrollmentView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Per student: how many of the rows' (product, supervisor) pairs they already have. One statement. */
    public Map<Long, Integer> presentPairs(long schoolId, Collection<Long> students, List<LinkRow> rows) {
        Map<Long, Integer> counts = new HashMap<>();
        Pairs pairs = Pairs.of(rows);
        jdbc.sql("""
                        select e.student_id, count(*) as present
                          from enrollment e
                          join enrollment_supervisor es on es.enrollment_id = e.id
                          join unnest(:products::bigint[], :supervisors::bigint[]) as t(product, supervisor)
                               on t.product = e.product_id and t.supervisor = es.supervisor_id
                         where e.school_id = :school and e.student_id = any(:students)
                         group by e.student_id
                        """)
                .param("products", pairs.products()).param("supervisors", pairs.supervisors())
                .param("school", schoolId).param("students", students.toArray(Long[]::new))
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return counts;
    }

    /**
     * The supervisors among {@code supervisorIds} who are the only active supervisor of some active student's enrollment
     * (in one of {@code productIds}, or any product when null), were they to stop supervising, while the students in
     * {@code leaving} are archived at the same time. One statement.
     */
    public Set<Long> onlySupervisors(long schoolId, Collection<Long> supervisorIds, Collection<Long> productIds,
            Collection<Long> leaving) {
        Set<Long> only = new HashSet<>();
        if (supervisorIds.isEmpty()) {
            return only;
        }
        jdbc.sql("""
                        select distinct es.supervisor_id
                          from enrollment_supervisor es
                          join enrollment e on e.id = es.enrollment_id
                          join school_member sm on sm.school_id = e.school_id and sm.user_id = e.student_id and sm.archived_at is null
                         where es.school_id = :school and es.supervisor_id = any(:supervisors)
                           and (:allProducts or e.product_id = any(:products))
                           and e.student_id <> all(:leaving)
                           and not exists (select 1 from enrollment_supervisor o
                                             join school_member om on om.school_id = o.school_id and om.user_id = o.supervisor_id
                                                                  and om.archived_at is null
                                             join role_grant r on r.school_id = o.school_id and r.user_id = o.supervisor_id
                                                              and r.role = 'SUPERVISOR'
                                            where o.enrollment_id = es.enrollment_id and o.supervisor_id <> all(:supervisors))
                        """)
                .param("school", schoolId)
                .param("supervisors", supervisorIds.toArray(Long[]::new))
                .param("allProducts", productIds == null)
                .param("products", productIds == null ? new Long[0] : productIds.toArray(Long[]::new))
                .param("leaving", leaving.toArray(Long[]::new))
                .query(Long.class)
                .list()
                .forEach(only::add);
        return only;
    }

    /** The students the supervisors follow at the school (in the products, or any product when null). One statement. */
    public Set<Long> supervisedStudents(long schoolId, Collection<Long> supervisorIds, Collection<Long> productIds) {
        return new HashSet<>(jdbc.sql("""
                        select distinct e.student_id from enrollment_supervisor es join enrollment e on e.id = es.enrollment_id
                         where es.school_id = :school and es.supervisor_id = any(:supervisors)
                           and (:allProducts or e.product_id = any(:products))
                        """)
                .param("school", schoolId)
                .param("supervisors", supervisorIds.toArray(Long[]::new))
                .param("allProducts", productIds == null)
                .param("products", productIds == null ? new Long[0] : productIds.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    /**
     * The students among the ids who were linked: an enrollment with a supervisor who is active or among
     * {@code dearchiving}. One statement.
     */
    public Set<Long> linkedStudents(long schoolId, Collection<Long> studentIds, Collection<Long> dearchiving) {
        return new HashSet<>(jdbc.sql("""
                        select distinct e.student_id
                          from enrollment e
                          join enrollment_supervisor es on es.enrollment_id = e.id
                          join school_member sm on sm.school_id = es.school_id and sm.user_id = es.supervisor_id
                         where e.school_id = :school and e.student_id = any(:students)
                           and (sm.archived_at is null or sm.user_id = any(:dearchiving))
                        """)
                .param("school", schoolId)
                .param("students", studentIds.toArray(Long[]::new))
                .param("dearchiving", dearchiving.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    /** The products the supervisor is assigned at the school; one statement. */
    public Set<Long> assignedProducts(long schoolId, long supervisorId) {
        return new HashSet<>(jdbc.sql("select product_id from product_assignment where school_id = :school and supervisor_id = :supervisor")
                .param("school", schoolId).param("supervisor", supervisorId).query(Long.class).list());
    }

    /** Per professional: how many of the products they are already assigned. One statement. */
    public Map<Long, Integer> presentAssignments(long schoolId, Collection<Long> supervisorIds, Collection<Long> productIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (productIds.isEmpty() || supervisorIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select supervisor_id, count(*) from product_assignment
                         where school_id = :school and supervisor_id = any(:supervisors) and product_id = any(:products)
                         group by supervisor_id
                        """)
                .param("school", schoolId).param("supervisors", supervisorIds.toArray(Long[]::new))
                .param("products", productIds.toArray(Long[]::new))
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return counts;
    }

    /** Per product: how many of the (student, product) pairs have no enrollment yet. One statement. */
    public Map<Long, Integer> missingEnrollments(long schoolId, Long[] students, Long[] products) {
        Map<Long, Integer> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select t.product, count(distinct t.student)
                          from unnest(:students::bigint[], :products::bigint[]) as t(student, product)
                         where not exists (select 1 from enrollment e
                                            where e.school_id = :school and e.student_id = t.student and e.product_id = t.product)
                         group by t.product order by t.product
                        """)
                .param("school", schoolId).param("students", students).param("products", products)
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return counts;
    }

    /** The supervisors of each enrollment, by name, keyed by school and enrollment. */
    public List<Keyed<Professional>> supervisors(Collection<Long> enrollmentIds) {
        return jdbc.sql("""
                        select es.school_id as k_school, es.enrollment_id as k_owner, u.*
                          from enrollment_supervisor es join app_user u on u.id = es.supervisor_id
                         where es.enrollment_id in (:enrollments)
                         order by u.search_last, u.search_first, u.id
                        """)
                .param("enrollments", List.copyOf(enrollmentIds))
                .query((rs, n) -> new Keyed<>(rs.getLong("k_school"), rs.getLong("k_owner"), (Professional) Person.fromRow(rs)))
                .list();
    }

    /** The (product, supervisor) pairs of link rows as two parallel arrays, for {@code unnest}. */
    public record Pairs(Long[] products, Long[] supervisors) {
        public static Pairs of(List<LinkRow> rows) {
            Set<List<Long>> pairs = new LinkedHashSet<>();
            rows.forEach(r -> r.supervisorIds().forEach(s -> pairs.add(List.of(r.productId(), s))));
            return new Pairs(pairs.stream().map(p -> p.get(0)).toArray(Long[]::new),
                    pairs.stream().map(p -> p.get(1)).toArray(Long[]::new));
        }
    }
}
