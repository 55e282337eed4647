package nl.klaspoort.spreadsheet.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.klaspoort.spreadsheet.Column;

/**
 * Recognises a header cell: case, accents, spaces, punctuation, an asterisk or a remark in brackets do not matter
 * ("E-mail adres *", "emailadres (verplicht)").
 */
final class HeaderNames {

    private static final Map<String, Column> BY_KEY = new HashMap<>();

    static {
        for (Column column : Column.values()) {
            BY_KEY.put(key(column.header()), column);
            column.aliases().forEach(alias -> BY_KEY.putIfAbsent(key(alias), column));
        }
    }

    private HeaderNames() {}

    static Optional<Column> column(String headerText) {
        return Optional.ofNullable(BY_KEY.get(key(headerText)));
    }

    static String key(String text) {
        String withoutRemarks = text.replaceAll("\\(.*?\\)", "");
        return Normalizer.normalize(withoutRemarks, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
