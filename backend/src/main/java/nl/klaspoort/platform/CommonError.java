package nl.klaspoort.platform;

/** The error codes every module may use (declared in {@code common.graphqls}). */
public enum CommonError implements ErrorCode {
    /** The object does not exist, or belongs to another school. */
    NOT_FOUND,
    /** The caller holds no role that allows this. */
    FORBIDDEN,
    /** Nobody is signed in. */
    UNAUTHORIZED,
    /** A list that needs at least one item is empty. */
    EMPTY_LIST,
    /** More items than allowed at once ({@code max}). */
    TOO_MANY_ITEMS,
    /** A text is longer than allowed ({@code max}). */
    TOO_LONG,
    /** A name is missing or holds characters a name cannot have. */
    INVALID_NAME,
    /** A query argument outside its range ({@code argument}, {@code min}, {@code max}, {@code value}). */
    ARGUMENT_OUT_OF_RANGE,
    /** A query argument longer than allowed ({@code argument}, {@code max}). */
    ARGUMENT_TOO_LONG,
    /** A query argument that should be an id is not one ({@code argument}, {@code value}). */
    INVALID_ID,
    /** {@code after} is not a cursor of this list. */
    INVALID_CURSOR,
    /** {@code after} is a cursor of the same list in another order. */
    CURSOR_OF_OTHER_ORDER,
    /** Too many requests or attempts; try again after {@code retryAfterSeconds}. */
    TOO_MANY_REQUESTS
}
