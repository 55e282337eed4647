package nl.klaspoort.enrollment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Koppelingen of students with products and supervisors, set-based: a constant number of statements however many
 * students. Keeps the invariants of the manual: every supervisor of an enrollment holds SUPERVISOR at the school and an
 * assignment for the product; an active student's enrollment keeps at least one active supervisor.
 */
@Service
public class StudentLinks {

    /** One link row: a product with the supervisors who follow it. */
    public record LinkRow(long productId, List<Long> supervisorIds) {}

    private final JdbcClient jdbc;

    StudentLinks(JdbcClient jdbc) {
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

    /** All supervisors named in the rows. */
    public static Set<Long> supervisors(List<LinkRow> rows) {
        Set<Long> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.addAll(r.supervisorIds()));
        return ids;
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
                .param("products", pairs.products).param("supervisors", pairs.supervisors)
                .param("school", schoolId).param("students", students.toArray(Long[]::new))
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return counts;
    }

    /** Number of distinct (product, supervisor) pairs in the rows. */
    public static int pairCount(List<LinkRow> rows) {
        return Pairs.of(rows).products.length;
    }

    /**
     * Gives every student every row: the enrollment when missing, the row's supervisors added, and every supervisor the
     * product assignment when missing. Three statements, whatever the number of students.
     */
    public void link(long schoolId, Collection<Long> students, List<LinkRow> rows) {
        Pairs pairs = Pairs.of(rows);
        Long[] studentIds = students.toArray(Long[]::new);
        jdbc.sql("""
                        insert into product_assignment (school_id, supervisor_id, product_id)
                        select :school, t.supervisor, t.product from unnest(:products::bigint[], :supervisors::bigint[]) as t(product, supervisor)
                        on conflict do nothing
                        """)
                .param("school", schoolId).param("products", pairs.products).param("supervisors", pairs.supervisors)
                .update();
        jdbc.sql("""
                        insert into enrollment (id, school_id, student_id, product_id)
                        select nextval('enrollment_seq'), :school, s.id, p.id
                          from unnest(:students::bigint[]) as s(id) cross join (select distinct unnest(:products::bigint[])) as p(id)
                         where not exists (select 1 from enrollment e where e.student_id = s.id and e.product_id = p.id)
                        on conflict (student_id, product_id) do nothing
                        """)
                .param("school", schoolId).param("students", studentIds).param("products", pairs.products)
                .update();
        jdbc.sql("""
                        insert into enrollment_supervisor (enrollment_id, supervisor_id, school_id)
                        select e.id, t.supervisor, :school
                          from unnest(:products::bigint[], :supervisors::bigint[]) as t(product, supervisor)
                          join enrollment e on e.product_id = t.product
                         where e.school_id = :school and e.student_id = any(:students)
                        on conflict do nothing
                        """)
                .param("school", schoolId).param("students", studentIds)
                .param("products", pairs.products).param("supervisors", pairs.supervisors)
                .update();
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
     * Ends the supervisors' work at the school (for the products, or all when null): their product assignments and
     * their place as supervisor of enrollments. Two statements.
     */
    public void unlinkSupervisors(long schoolId, Collection<Long> supervisorIds, Collection<Long> productIds) {
        Long[] sups = supervisorIds.toArray(Long[]::new);
        Long[] products = productIds == null ? new Long[0] : productIds.toArray(Long[]::new);
        jdbc.sql("""
                        delete from enrollment_supervisor es using enrollment e
                         where es.enrollment_id = e.id and es.school_id = :school and es.supervisor_id = any(:supervisors)
                           and (:allProducts or e.product_id = any(:products))
                        """)
                .param("school", schoolId).param("supervisors", sups)
                .param("allProducts", productIds == null).param("products", products)
                .update();
        jdbc.sql("""
                        delete from product_assignment
                         where school_id = :school and supervisor_id = any(:supervisors)
                           and (:allProducts or product_id = any(:products))
                        """)
                .param("school", schoolId).param("supervisors", sups)
                .param("allProducts", productIds == null).param("products", products)
                .update();
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

    /** Whether the school has an active supervisor; one statement. */
    public boolean hasActiveSupervisor(long schoolId) {
        return jdbc.sql("""
                        select exists (select 1 from role_grant r join school_member m on m.school_id = r.school_id and m.user_id = r.user_id
                                        where r.school_id = :school and r.role = 'SUPERVISOR' and m.archived_at is null)
                        """)
                .param("school", schoolId).query(Boolean.class).single();
    }

    /** The products among the ids that exist; one statement. */
    public Set<Long> existingProducts(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select id from product where id = any(:ids)")
                .param("ids", productIds.toArray(Long[]::new)).query(Long.class).list());
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

    /** Assigns every product to every supervisor at the school (when missing); one statement. */
    public void assign(long schoolId, Collection<Long> supervisorIds, Collection<Long> productIds) {
        jdbc.sql("""
                        insert into product_assignment (school_id, supervisor_id, product_id)
                        select :school, s, p from unnest(:supervisors::bigint[]) as s cross join unnest(:products::bigint[]) as p
                        on conflict do nothing
                        """)
                .param("school", schoolId).param("supervisors", supervisorIds.toArray(Long[]::new))
                .param("products", productIds.toArray(Long[]::new))
                .update();
    }

    /**
     * Makes the student's enrollments exactly the rows: other products switched off, each row's supervisors exactly
     * those listed. Five statements.
     */
    public void setExactly(long schoolId, long studentId, List<LinkRow> rows) {
        Pairs pairs = Pairs.of(rows);
        jdbc.sql("delete from enrollment where school_id = :school and student_id = :student and product_id <> all(:products)")
                .param("school", schoolId).param("student", studentId).param("products", pairs.products).update();
        jdbc.sql("""
                        delete from enrollment_supervisor es using enrollment e
                         where es.enrollment_id = e.id and e.school_id = :school and e.student_id = :student
                           and not exists (select 1 from unnest(:products::bigint[], :supervisors::bigint[]) as t(product, supervisor)
                                            where t.product = e.product_id and t.supervisor = es.supervisor_id)
                        """)
                .param("school", schoolId).param("student", studentId)
                .param("products", pairs.products).param("supervisors", pairs.supervisors).update();
        if (!rows.isEmpty()) {
            link(schoolId, List.of(studentId), rows);
        }
    }

    /** The (product, supervisor) pairs of link rows as two parallel arrays, for {@code unnest}. */
    private record Pairs(Long[] products, Long[] supervisors) {
        static Pairs of(List<LinkRow> rows) {
            Set<List<Long>> pairs = new LinkedHashSet<>();
            rows.forEach(r -> r.supervisorIds().forEach(s -> pairs.add(List.of(r.productId(), s))));
            return new Pairs(pairs.stream().map(p -> p.get(0)).toArray(Long[]::new),
                    pairs.stream().map(p -> p.get(1)).toArray(Long[]::new));
        }
    }
}
