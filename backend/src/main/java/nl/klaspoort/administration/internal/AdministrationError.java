package nl.klaspoort.administration.internal;

import nl.klaspoort.platform.ErrorCode;

/**
 * The error codes of user administration ({@code extend enum ErrorCode} in {@code administration.graphqls}); the
 * codes every module shares ({@code NOT_FOUND}, {@code EMPTY_LIST}…) are {@link nl.klaspoort.platform.CommonError}.
 */
enum AdministrationError implements ErrorCode {
    INVALID_EMAIL,
    INVALID_GRADE_YEAR,
    INVALID_USERNAME,
    INVALID_PASSWORD,
    EMAIL_TAKEN,
    USERNAME_TAKEN,
    INVALID_ROLE,
    NO_ROLES,
    SELF,
    ONLY_SUPERVISOR,
    NOT_A_STUDENT,
    NOT_A_PROFESSIONAL,
    NOT_A_SUPERVISOR,
    NO_SUPERVISOR_AT_SCHOOL,
    NO_PREVIOUS_LINKS,
    GRADE_YEAR_OUT_OF_RANGE,
    ARCHIVED,
    BATCH_NOT_FOUND,
    NOT_UNDOABLE,
    ALREADY_UNDONE,
    UNDO_CONFLICT,
    TOO_MANY_MATCHES,
    /** The professional works at another school too: their name and login e-mail are theirs to change. */
    IDENTITY_SHARED,
    /** One's own login e-mail changes through {@code myEmailChangeRequest} (password and a confirmed new address). */
    OWN_EMAIL_NEEDS_VERIFICATION
}
