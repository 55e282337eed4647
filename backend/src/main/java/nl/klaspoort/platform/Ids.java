package nl.klaspoort.platform;

/** Ids as they arrive in GraphQL input ({@code ID} is text): a number, or nothing (an id that is no number names nothing). */
public final class Ids {

    private Ids() {}

    /** The id's number, or null when the text is null or no number (treat it as an unknown id: NOT_FOUND). */
    public static Long parse(String id) {
        try {
            return id == null ? null : Long.valueOf(id.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
