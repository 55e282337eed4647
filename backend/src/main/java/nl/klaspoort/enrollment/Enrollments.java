package nl.klaspoort.enrollment;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.contract.Contracts;
import nl.klaspoort.enrollment.internal.EnrollmentQueries;
import nl.klaspoort.enrollment.internal.EnrollmentStore;
import nl.klaspoort.enrollment.internal.EnrollmentStore.SeatChanges;
import nl.klaspoort.platform.PayloadError;
import org.springframework.stereotype.Service;

/**
 * Koppelingen: which supervisor works with which product at a school ({@code product_assignment}), which student may
 * use which product ({@code enrollment}) followed by which supervisors ({@code enrollment_supervisor}). Set-based: a
 * constant number of statements however many students. Keeps the manual's invariants with the callers' checks: every
 * supervisor of an enrollment holds a product assignment for it. The caller has checked access.
 *
 * <p>Licences (A5): every enrollment holds a licence of a running contract for its product, taken from the contract
 * module when the enrollment is created and given back when it is removed. A caller about to create enrollments first
 * asks {@link #licenceProblems} (which locks the seats until its transaction ends) and writes nothing when there are any.
 */
@Service
public class Enrollments {

    /** One link row: a product with the supervisors who follow it. */
    public record LinkRow(long productId, List<Long> supervisorIds) {}

    private final EnrollmentQueries queries;
    private final EnrollmentStore store;
    private final Contracts contracts;

    Enrollments(EnrollmentQueries queries, EnrollmentStore store, Contracts contracts) {
        this.queries = queries;
        this.store = store;
        this.contracts = contracts;
    }

    /** All supervisors named in the rows. */
    public static Set<Long> supervisorsOf(List<LinkRow> rows) {
        Set<Long> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.addAll(r.supervisorIds()));
        return ids;
    }

    /** Number of distinct (product, supervisor) pairs in the rows. */
    public static int pairCount(List<LinkRow> rows) {
        return EnrollmentQueries.Pairs.of(rows).products().length;
    }

    // ---- reads

    /** The enrollments of the students at the schools, by product name; one statement. */
    public List<EnrollmentView> enrollments(Collection<Long> schoolIds, Collection<Long> studentIds) {
        return studentIds.isEmpty() ? List.of() : queries.enrollments(schoolIds, studentIds);
    }

    /** Per student: how many of the rows' (product, supervisor) pairs they already have. One statement. */
    public Map<Long, Integer> presentPairs(long schoolId, Collection<Long> students, List<LinkRow> rows) {
        return queries.presentPairs(schoolId, students, rows);
    }

    /**
     * The supervisors among {@code supervisorIds} who are the only active supervisor of some active student's enrollment
     * (in one of {@code productIds}, or any product when null), were they to stop supervising, while the students in
     * {@code leaving} are archived at the same time. One statement.
     */
    public Set<Long> onlySupervisors(long schoolId, Collection<Long> supervisorIds, Collection<Long> productIds,
            Collection<Long> leaving) {
        return queries.onlySupervisors(schoolId, supervisorIds, productIds, leaving);
    }

    /** The students the supervisors follow at the school (in the products, or any product when null). One statement. */
    public Set<Long> supervisedStudents(long schoolId, Collection<Long> supervisorIds, Collection<Long> productIds) {
        return queries.supervisedStudents(schoolId, supervisorIds, productIds);
    }

    /** The students among the ids who were linked (an enrollment with a supervisor active or among {@code dearchiving}). */
    public Set<Long> linkedStudents(long schoolId, Collection<Long> studentIds, Collection<Long> dearchiving) {
        return queries.linkedStudents(schoolId, studentIds, dearchiving);
    }

    /** The products the supervisor is assigned at the school; one statement. */
    public Set<Long> assignedProducts(long schoolId, long supervisorId) {
        return queries.assignedProducts(schoolId, supervisorId);
    }

    /** Per professional: how many of the products they are already assigned. One statement. */
    public Map<Long, Integer> presentAssignments(long schoolId, Collection<Long> supervisorIds, Collection<Long> productIds) {
        return queries.presentAssignments(schoolId, supervisorIds, productIds);
    }

    /**
     * A5: what stands in the way of enrolling every student in every product (the enrollments they do not have yet):
     * a product without a running contract, or fewer free licences than needed, as errors on {@code productId}
     * ("Er zijn nog 3 van de 250 licenties vrij"). Locks the seats until the transaction ends. Two statements.
     */
    public List<PayloadError> licenceProblems(long schoolId, Collection<Long> studentIds, Collection<Long> productIds) {
        Map<Long, Set<Long>> wanted = new java.util.LinkedHashMap<>();
        studentIds.forEach(s -> wanted.put(s, new LinkedHashSet<>(productIds)));
        return licenceProblems(schoolId, wanted);
    }

    /** As {@link #licenceProblems(long, Collection, Collection)} for each student's own products (student → products). */
    public List<PayloadError> licenceProblems(long schoolId, Map<Long, ? extends Collection<Long>> productsByStudent) {
        List<Long> students = new java.util.ArrayList<>();
        List<Long> products = new java.util.ArrayList<>();
        productsByStudent.forEach((student, ids) -> ids.forEach(p -> {
            students.add(student);
            products.add(p);
        }));
        if (students.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> missing = queries.missingEnrollments(schoolId, students.toArray(Long[]::new), products.toArray(Long[]::new));
        return contracts.licenceProblems(schoolId, missing);
    }

    /** A5: what stands in the way of enrolling {@code count} new students in each product; one statement. */
    public List<PayloadError> licenceProblemsOfNewStudents(long schoolId, Collection<Long> productIds, int count) {
        Map<Long, Integer> needed = new java.util.LinkedHashMap<>();
        productIds.forEach(p -> needed.put(p, count));
        return contracts.licenceProblems(schoolId, needed);
    }

    // ---- writes

    /**
     * Gives every student every row: the enrollment when missing (with a licence), the row's supervisors added, and
     * every supervisor the product assignment when missing. Four statements, whatever the number of students (three
     * when no enrollment is new).
     */
    public void link(long schoolId, Collection<Long> students, List<LinkRow> rows) {
        contracts.take(schoolId, store.link(schoolId, students, rows));
    }

    /** Assigns every product to every supervisor at the school (when missing); one statement. */
    public void assign(long schoolId, Collection<Long> supervisorIds, Collection<Long> productIds) {
        if (!supervisorIds.isEmpty() && !productIds.isEmpty()) {
            store.assign(schoolId, supervisorIds, productIds);
        }
    }

    /**
     * Ends the supervisors' work at the school (for the products, or all when null): their product assignments and
     * their place as supervisor of enrollments. Two statements.
     */
    public void unlinkSupervisors(long schoolId, Collection<Long> supervisorIds, Collection<Long> productIds) {
        store.unlinkSupervisors(schoolId, supervisorIds, productIds);
    }

    /**
     * Makes the student's enrollments exactly the rows (other products off, each row's supervisors exactly); removed
     * enrollments give their licences back, new ones take one.
     */
    public void setExactly(long schoolId, long studentId, List<LinkRow> rows) {
        seats(schoolId, store.setExactly(schoolId, studentId, rows));
    }

    /** Each supervisor's product assignments become exactly the given ones (undo); two statements. */
    public void setAssignments(long schoolId, Map<Long, Set<Long>> products) {
        if (!products.isEmpty()) {
            store.setAssignments(schoolId, products);
        }
    }

    /**
     * Each student's enrollments become exactly the given ones: student → product → supervisors (undo); four statements,
     * plus one each to give back and to take licences when enrollments were removed or created.
     */
    public void setEnrollments(long schoolId, Map<Long, Map<Long, List<Long>>> enrollments) {
        if (!enrollments.isEmpty()) {
            seats(schoolId, store.setEnrollments(schoolId, enrollments));
        }
    }

    private void seats(long schoolId, SeatChanges changes) {
        contracts.release(schoolId, changes.removed());
        contracts.take(schoolId, changes.created());
    }
}
