package nl.klaspoort.platform;

/** An edge of a {@link Connection}: an item and its opaque cursor. */
public record Edge<T>(String cursor, T node) {}
