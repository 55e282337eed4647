package nl.klaspoort.platform;

/**
 * An endpoint that bounds its request body itself, above the general {@code klaspoort.http.max-body-size} (an upload
 * of a school's file, streamed into a reader that counts its bytes). Declared as a bean by the module that serves it;
 * the general limit then leaves POSTs to paths matching {@code pathPattern} (Ant style, e.g.
 * {@code /api/schools/*}{@code /edexml}) to that endpoint.
 */
public record OwnBodyLimit(String pathPattern) {}
