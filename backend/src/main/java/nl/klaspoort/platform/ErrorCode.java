package nl.klaspoort.platform;

/**
 * A value of the GraphQL enum {@code ErrorCode}. Each module keeps its codes in its own Java enum implementing this
 * interface and in an {@code extend enum ErrorCode} of its schema file; the message is {@code error.<CODE>} of the
 * bundle {@code vaadin-i18n/translations*.properties}.
 */
public interface ErrorCode {

    /** The enum value's name, as in the schema. */
    String name();

    /** The bundle key of its message. */
    default String messageKey() {
        return "error." + name();
    }
}
