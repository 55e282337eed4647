package nl.klaspoort.platform;

/** GraphQL {@code ErrorParam}: a named value of an error message, e.g. {@code max = 100}. */
public record ErrorParam(String name, String value) {}
