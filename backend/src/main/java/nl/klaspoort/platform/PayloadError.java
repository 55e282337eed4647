package nl.klaspoort.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GraphQL {@code PayloadError}: the one shape of every error a payload returns as data. {@code message} is not stored:
 * it is {@code error.<CODE>} of the message bundle, formatted with {@code params} in the caller's language when the
 * field is read. Build with {@code PayloadError.of(code).field("email").item(id).param("max", 100)}.
 *
 * @param code   what went wrong
 * @param field  the input field it concerns, e.g. {@code email}; null when it concerns the whole input
 * @param itemId for one item of a bulk mutation: the item's id (a user, a session…); otherwise null
 * @param params named values of the message, e.g. {@code max}
 */
public record PayloadError(ErrorCode code, String field, String itemId, List<ErrorParam> params) {

    public PayloadError {
        params = List.copyOf(params);
    }

    public static PayloadError of(ErrorCode code) {
        return new PayloadError(code, null, null, List.of());
    }

    public PayloadError field(String name) {
        return new PayloadError(code, name, itemId, params);
    }

    public PayloadError item(Object id) {
        return new PayloadError(code, field, id == null ? null : String.valueOf(id), params);
    }

    public PayloadError param(String name, Object value) {
        List<ErrorParam> more = new ArrayList<>(params);
        more.add(new ErrorParam(name, String.valueOf(value)));
        return new PayloadError(code, field, itemId, more);
    }

    /** The params by name, for formatting the message. */
    public Map<String, String> paramMap() {
        Map<String, String> map = new LinkedHashMap<>();
        params.forEach(p -> map.put(p.name(), p.value()));
        return map;
    }
}
