package nl.klaspoort.userimport.internal;

import nl.klaspoort.audit.AuditAction;

/** The audit actions of spreadsheet imports (values of the GraphQL enum {@code AuditAction}). */
enum ImportAction implements AuditAction {
    /** {@code spreadsheetImportConfirm} of professionals (B5): one event per professional created. */
    PROFESSIONALS_IMPORT,
    /** {@code spreadsheetImportConfirm} of students (B7): one event per student created. */
    STUDENTS_IMPORT
}
