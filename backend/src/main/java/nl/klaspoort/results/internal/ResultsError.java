package nl.klaspoort.results.internal;

import nl.klaspoort.platform.ErrorCode;

/** The error codes of results ({@code extend enum ErrorCode} in {@code results.graphqls}). */
enum ResultsError implements ErrorCode {
    INVALID_WEEK,
    INVALID_SESSION_ID,
    STUDENT_NOT_FOUND,
    INVALID_TIME,
    INVALID_IP,
    UNKNOWN_LESSON,
    INVALID_TEST_SCORE,
    DUPLICATE_IN_CALL,
    TOO_MANY_SESSIONS
}
