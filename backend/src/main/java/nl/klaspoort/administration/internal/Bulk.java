package nl.klaspoort.administration.internal;

import nl.klaspoort.platform.CommonError;

import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.Ids;
import nl.klaspoort.platform.PayloadError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.klaspoort.administration.internal.AdministrationPayload.Status;
import nl.klaspoort.administration.internal.AdministrationPayload.UserActionResult;

/**
 * The per-item report of one administrative mutation. A service first decides every item (applied, unchanged or
 * refused) and writes only when {@link #writable()}: one refused item or input error means nothing is written.
 */
public final class Bulk {

    public static final int MAX_ITEMS = 1_000;

    private final Map<String, UserActionResult> results = new LinkedHashMap<>();
    private final List<Long> ids = new ArrayList<>();
    private final List<PayloadError> inputErrors = new ArrayList<>();

    private Bulk() {}

    /** The ids of a bulk input: refused as a whole when empty or longer than {@link #MAX_ITEMS}; duplicates ignored. */
    public static Bulk of(List<String> rawIds, String field) {
        Bulk bulk = new Bulk();
        LinkedHashSet<String> distinct = new LinkedHashSet<>(rawIds == null ? List.of() : rawIds);
        if (distinct.isEmpty()) {
            bulk.inputError(PayloadError.of(CommonError.EMPTY_LIST).field(field));
        } else if (distinct.size() > MAX_ITEMS) {
            bulk.inputError(PayloadError.of(CommonError.TOO_MANY_ITEMS).field(field).param("max", MAX_ITEMS));
        } else {
            for (String raw : distinct) {
                Long id = parseId(raw);
                if (id == null) {
                    bulk.results.put(raw, new UserActionResult(raw, Status.REFUSED, PayloadError.of(CommonError.NOT_FOUND).item(raw)));
                } else if (!bulk.results.containsKey(id.toString())) {
                    bulk.ids.add(id);
                    bulk.results.put(id.toString(), null);
                }
            }
        }
        return bulk;
    }

    /** One item: the single-user mutations report like a bulk of one. */
    public static Bulk one(String rawId) {
        return of(List.of(rawId), "userId");
    }

    /** A numeric id, or null when the text is not one (treated like an unknown id). */
    public static Long parseId(String raw) {
        return Ids.parse(raw);
    }

    /** The distinct, well-formed ids, in input order. */
    public List<Long> ids() {
        return ids;
    }

    public void inputError(PayloadError error) {
        inputErrors.add(error);
    }

    public boolean hasInputErrors() {
        return !inputErrors.isEmpty();
    }

    public void refuse(long id, ErrorCode code) {
        results.put(Long.toString(id), new UserActionResult(Long.toString(id), Status.REFUSED, PayloadError.of(code).item(id)));
    }

    public void unchanged(long id) {
        results.put(Long.toString(id), new UserActionResult(Long.toString(id), Status.UNCHANGED, null));
    }

    public void applied(long id) {
        results.put(Long.toString(id), new UserActionResult(Long.toString(id), Status.APPLIED, null));
    }

    /** Whether the item is still undecided (not refused, unchanged or applied yet). */
    public boolean open(long id) {
        return results.get(Long.toString(id)) == null;
    }

    /** The ids decided APPLIED. */
    public List<Long> appliedIds() {
        return ids.stream().filter(id -> status(id) == Status.APPLIED).toList();
    }

    public Status status(long id) {
        UserActionResult result = results.get(Long.toString(id));
        return result == null ? null : result.status();
    }

    /** True when nothing is refused, there are no input errors, and something is to be written. */
    public boolean writable() {
        return inputErrors.isEmpty() && results.values().stream().noneMatch(r -> r == null || r.status() == Status.REFUSED)
                && !appliedIds().isEmpty();
    }

    public AdministrationPayload payload(UUID batch, boolean dryRun) {
        List<UserActionResult> list = results.values().stream().filter(r -> r != null).toList();
        List<PayloadError> errors = new ArrayList<>(inputErrors);
        list.stream().filter(r -> r.error() != null).forEach(r -> errors.add(r.error()));
        return new AdministrationPayload(AdministrationPayload.batchId(batch), dryRun, list, errors);
    }
}
