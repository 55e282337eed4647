package nl.klaspoort.enrollment.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.contract.Contracts.Seat;
import nl.klaspoort.enrollment.EnrollmentView;
import nl.klaspoort.enrollment.Enrollments.LinkRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code product_assignment}, {@code enrollment} and {@code enrollment_supervisor}, set-based. */
@Repository
public class EnrollmentStore {

    private final JdbcClient jdbc;

    EnrollmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Gives every student every row: the enrollment when missing, the row's supervisors added, and every supervisor the
     * product assignment when missing. Three statements, whatever the number of students. Returns the enrollments it
     * created, as seats (each takes a licence).
     */
    public List<Seat> link(long schoolId, Collection<Long> students, List<LinkRow> rows) {
        EnrollmentQueries.Pairs pairs = EnrollmentQueries.Pairs.of(rows);
        Long[] studentIds = students.toArray(Long[]::new);
        jdbc.sql("""
                        insert into product_assignment (school_id, supervisor_id, product_id)
                        select :school, t.supervisor, t.product from unnest(:products::bigint[], :supervisors::bigint[]) as t(product, supervisor)
                        on conflict do nothing
                        """)
                .param("school", schoolId).param("products", pairs.products()).param("supervisors", pairs.supervisors())
                .update();
        List<Seat> created = jdbc.sql("""
                        insert into enrollment (id, school_id, student_id, product_id)
                        select nextval('enrollment_seq'), :school, s.id, p.id
                          from unnest(:students::bigint[]) as s(id) cross join (select distinct unnest(:products::bigint[])) as p(id)
                         where not exists (select 1 from enrollment e where e.student_id = s.id and e.product_id = p.id)
                        on conflict (student_id, product_id) do nothing
                        returning student_id, product_id
                        """)
                .param("school", schoolId).param("students", studentIds).param("products", pairs.products())
                .query((rs, n) -> new Seat(rs.getLong(1), rs.getLong(2))).list();
        jdbc.sql("""
                        insert into enrollment_supervisor (enrollment_id, supervisor_id, school_id)
                        select e.id, t.supervisor, :school
                          from unnest(:products::bigint[], :supervisors::bigint[]) as t(product, supervisor)
                          join enrollment e on e.product_id = t.product
                         where e.school_id = :school and e.student_id = any(:students)
                        on conflict do nothing
                        """)
                .param("school", schoolId).param("students", studentIds)
                .param("products", pairs.products()).param("supervisors", pairs.supervisors())
                .update();
        return created;
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

    /** The enrollments a change removed and created, as seats: the first give their licences back, the others take one. */
    public record SeatChanges(List<Seat> removed, List<Seat> created) {}

    /**
     * Makes the student's enrollments exactly the rows: other products switched off, each row's supervisors exactly
     * those listed. Five statements.
     */
    public SeatChanges setExactly(long schoolId, long studentId, List<LinkRow> rows) {
        EnrollmentQueries.Pairs pairs = EnrollmentQueries.Pairs.of(rows);
        List<Seat> removed = jdbc.sql("""
                        delete from enrollment where school_id = :school and student_id = :student and product_id <> all(:products)
                        returning student_id, product_id
                        """)
                .param("school", schoolId).param("student", studentId).param("products", pairs.products())
                .query((rs, n) -> new Seat(rs.getLong(1), rs.getLong(2))).list();
        jdbc.sql("""
                        delete from enrollment_supervisor es using enrollment e
                         where es.enrollment_id = e.id and e.school_id = :school and e.student_id = :student
                           and not exists (select 1 from unnest(:products::bigint[], :supervisors::bigint[]) as t(product, supervisor)
                                            where t.product = e.product_id and t.supervisor = es.supervisor_id)
                        """)
                .param("school", schoolId).param("student", studentId)
                .param("products", pairs.products()).param("supervisors", pairs.supervisors()).update();
        return new SeatChanges(removed, rows.isEmpty() ? List.of() : link(schoolId, List.of(studentId), rows));
    }

    /**
     * Makes the supervisors' product assignments at the school exactly the given ones (undo); two statements.
     */
    public void setAssignments(long schoolId, Map<Long, Set<Long>> products) {
        Long[] supervisors = products.keySet().toArray(Long[]::new);
        Long[] pairSupervisors = products.entrySet().stream().flatMap(e -> e.getValue().stream().map(p -> e.getKey())).toArray(Long[]::new);
        Long[] pairProducts = products.values().stream().flatMap(Set::stream).toArray(Long[]::new);
        jdbc.sql("""
                        delete from product_assignment pa
                         where pa.school_id = :school and pa.supervisor_id = any(:supervisors)
                           and not exists (select 1 from unnest(:pairSupervisors::bigint[], :pairProducts::bigint[]) as t(s, p)
                                            where t.s = pa.supervisor_id and t.p = pa.product_id)
                        """)
                .param("school", schoolId).param("supervisors", supervisors)
                .param("pairSupervisors", pairSupervisors).param("pairProducts", pairProducts)
                .update();
        jdbc.sql("""
                        insert into product_assignment (school_id, supervisor_id, product_id)
                        select :school, t.s, t.p from unnest(:pairSupervisors::bigint[], :pairProducts::bigint[]) as t(s, p)
                        on conflict do nothing
                        """)
                .param("school", schoolId).param("pairSupervisors", pairSupervisors).param("pairProducts", pairProducts)
                .update();
    }

    /**
     * Makes the students' enrollments at the school exactly the given ones, each with exactly its supervisors (undo):
     * four statements. {@code enrollments}: student → product → supervisors.
     */
    public SeatChanges setEnrollments(long schoolId, Map<Long, Map<Long, List<Long>>> enrollments) {
        Long[] students = enrollments.keySet().toArray(Long[]::new);
        List<Long[]> triples = new java.util.ArrayList<>();
        List<Long[]> pairs = new java.util.ArrayList<>();
        enrollments.forEach((student, products) -> products.forEach((product, supervisors) -> {
            pairs.add(new Long[] {student, product});
            supervisors.forEach(s -> triples.add(new Long[] {student, product, s}));
        }));
        Long[] pairStudents = pairs.stream().map(t -> t[0]).toArray(Long[]::new);
        Long[] pairProducts = pairs.stream().map(t -> t[1]).toArray(Long[]::new);
        Long[] tripleStudents = triples.stream().map(t -> t[0]).toArray(Long[]::new);
        Long[] tripleProducts = triples.stream().map(t -> t[1]).toArray(Long[]::new);
        Long[] tripleSupervisors = triples.stream().map(t -> t[2]).toArray(Long[]::new);
        List<Seat> removed = jdbc.sql("""
                        delete from enrollment e
                         where e.school_id = :school and e.student_id = any(:students)
                           and not exists (select 1 from unnest(:pairStudents::bigint[], :pairProducts::bigint[]) as t(s, p)
                                            where t.s = e.student_id and t.p = e.product_id)
                        returning e.student_id, e.product_id
                        """)
                .param("school", schoolId).param("students", students)
                .param("pairStudents", pairStudents).param("pairProducts", pairProducts)
                .query((rs, n) -> new Seat(rs.getLong(1), rs.getLong(2))).list();
        List<Seat> created = jdbc.sql("""
                        insert into enrollment (id, school_id, student_id, product_id)
                        select nextval('enrollment_seq'), :school, t.s, t.p
                          from unnest(:pairStudents::bigint[], :pairProducts::bigint[]) as t(s, p)
                         where not exists (select 1 from enrollment e where e.student_id = t.s and e.product_id = t.p)
                        returning student_id, product_id
                        """)
                .param("school", schoolId).param("pairStudents", pairStudents).param("pairProducts", pairProducts)
                .query((rs, n) -> new Seat(rs.getLong(1), rs.getLong(2))).list();
        jdbc.sql("""
                        delete from enrollment_supervisor es using enrollment e
                         where es.enrollment_id = e.id and e.school_id = :school and e.student_id = any(:students)
                           and not exists (select 1 from unnest(:tripleStudents::bigint[], :tripleProducts::bigint[],
                                                                :tripleSupervisors::bigint[]) as t(s, p, sup)
                                            where t.s = e.student_id and t.p = e.product_id and t.sup = es.supervisor_id)
                        """)
                .param("school", schoolId).param("students", students).param("tripleStudents", tripleStudents)
                .param("tripleProducts", tripleProducts).param("tripleSupervisors", tripleSupervisors)
                .update();
        jdbc.sql("""
                        insert into enrollment_supervisor (enrollment_id, supervisor_id, school_id)
                        select e.id, t.sup, :school
                          from unnest(:tripleStudents::bigint[], :tripleProducts::bigint[], :tripleSupervisors::bigint[]) as t(s, p, sup)
                          join enrollment e on e.school_id = :school and e.student_id = t.s and e.product_id = t.p
                        on conflict do nothing
                        """)
                .param("school", schoolId).param("tripleStudents", tripleStudents)
                .param("tripleProducts", tripleProducts).param("tripleSupervisors", tripleSupervisors)
                .update();
        return new SeatChanges(removed, created);
    }
}
