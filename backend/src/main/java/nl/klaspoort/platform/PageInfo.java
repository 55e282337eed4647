package nl.klaspoort.platform;

/** GraphQL {@code PageInfo} of every connection. */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}
