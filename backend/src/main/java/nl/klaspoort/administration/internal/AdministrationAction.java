package nl.klaspoort.administration.internal;

import nl.klaspoort.audit.AuditAction;

/** The audit actions of user administration (values of the GraphQL enum {@code AuditAction}). */
enum AdministrationAction implements AuditAction {
    PROFESSIONAL_CREATE,
    STUDENT_CREATE,
    USERS_ARCHIVE,
    USERS_DEARCHIVE,
    USER_UPDATE,
    STUDENT_CREDENTIALS_RESET,
    STUDENTS_GRADE_YEAR_CHANGE,
    STUDENTS_LINK,
    PROFESSIONALS_LINK,
    ROLES_REMOVE,
    STUDENT_PRODUCTS_SET,
    PROFESSIONAL_ROLES_SET,
    AUDIT_BATCH_UNDO
}
