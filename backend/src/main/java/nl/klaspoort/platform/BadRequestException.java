package nl.klaspoort.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A query argument the server refuses (page size, cursor, filter): a GraphQL error classified BAD_REQUEST whose
 * message is {@code error.<CODE>} in the caller's language and whose extensions carry {@code code} and {@code params}.
 */
public class BadRequestException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, String> params;

    public BadRequestException(ErrorCode code, Map<String, ?> params) {
        super(code.name() + " " + params);
        this.code = code;
        Map<String, String> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, String.valueOf(v)));
        this.params = copy;
    }

    public BadRequestException(ErrorCode code) {
        this(code, Map.of());
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, String> params() {
        return params;
    }
}
