package nl.klaspoort.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The one cursor codec: an opaque, URL-safe text holding the list it belongs to, the order it was taken in and the
 * sort keys of the item it points at. Parts are joined with NUL, which PostgreSQL text cannot contain.
 */
public final class Cursors {

    private static final String SEPARATOR = "\0";

    private Cursors() {}

    /** A cursor of the list {@code list} in the order {@code order} (e.g. {@code NAME:ASC}) at the item with these keys. */
    public static String encode(String list, String order, Object... keys) {
        List<String> parts = new ArrayList<>(List.of(list, order));
        Arrays.stream(keys).map(String::valueOf).forEach(parts::add);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code keys} sort keys of a cursor of {@code list} in {@code order}. Refused with
     * {@link CommonError#INVALID_CURSOR} when it is no cursor of that list, and with
     * {@link CommonError#CURSOR_OF_OTHER_ORDER} when it was taken in another order.
     */
    public static List<String> decode(String cursor, String list, String order, int keys) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != keys + 2 || !parts[0].equals(list)) {
            throw invalid();
        }
        if (!parts[1].equals(order)) {
            throw new BadRequestException(CommonError.CURSOR_OF_OTHER_ORDER, Map.of("argument", "after"));
        }
        return List.of(parts).subList(2, parts.length);
    }

    /** The error of a cursor whose keys do not parse. */
    public static BadRequestException invalid() {
        return new BadRequestException(CommonError.INVALID_CURSOR, Map.of("argument", "after"));
    }
}
