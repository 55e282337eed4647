package nl.klaspoort.enrollment;

/**
 * GraphQL {@code Enrollment} on the read side: a student's koppeling with a product at a school. Its product, student
 * and supervisors are batch-loaded by {@link EnrollmentQueries}.
 */
public record EnrollmentView(long id, long schoolId, long studentId, long productId) {}
