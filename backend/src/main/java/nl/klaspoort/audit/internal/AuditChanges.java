package nl.klaspoort.audit.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import nl.klaspoort.audit.internal.AuditQueries.AuditEvent;
import nl.klaspoort.platform.Messages;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The changes of audit events in words a teacher reads: per field that differs between the states before and after,
 * its label and both values, with product and people names instead of ids and roles, archive state, grade years in
 * the caller's language (bundle keys {@code auditchange.*}). The names of a page of events are looked up in one
 * statement.
 */
@Service
class AuditChanges {

    /** GraphQL {@code AuditChange}. */
    record AuditChange(String field, String label, String before, String after) {}

    /** The order fields are shown in; fields not listed follow in their own order. */
    private static final List<String> ORDER = List.of("firstName", "namePrefix", "lastName", "email", "function", "username",
            "passwordChanged", "login", "gradeYear", "group", "archived", "roles", "products", "enrollments", "notation",
            "connectionType", "active", "source");
    /** Fields that describe the target rather than change. */
    private static final Set<String> HIDDEN = Set.of("kind");

    private final AuditQueries queries;
    private final Messages messages;
    private final JsonMapper json;

    AuditChanges(AuditQueries queries, Messages messages, JsonMapper json) {
        this.queries = queries;
        this.messages = messages;
        this.json = json;
    }

    /** The changes of each event; one statement for the names of all of them (none when no ids occur). */
    Map<AuditEvent, List<AuditChange>> of(Collection<AuditEvent> events, Locale locale) {
        Map<AuditEvent, JsonNode[]> states = new java.util.LinkedHashMap<>();
        Set<Long> productIds = new HashSet<>();
        Set<Long> userIds = new HashSet<>();
        for (AuditEvent event : events) {
            JsonNode before = parse(event.before());
            JsonNode after = parse(event.after());
            states.put(event, new JsonNode[] {before, after});
            for (JsonNode state : new JsonNode[] {before, after}) {
                state.path("products").forEach(p -> productIds.add(p.asLong()));
                state.path("enrollments").forEach(e -> {
                    productIds.add(e.path("productId").asLong());
                    e.path("supervisorIds").forEach(s -> userIds.add(s.asLong()));
                });
            }
        }
        AuditQueries.Names names = productIds.isEmpty() && userIds.isEmpty() ? AuditQueries.Names.NONE
                : queries.names(productIds, userIds);
        Map<AuditEvent, List<AuditChange>> result = new java.util.LinkedHashMap<>();
        states.forEach((event, pair) -> result.put(event, changes(pair[0], pair[1], names, locale)));
        return result;
    }

    private List<AuditChange> changes(JsonNode before, JsonNode after, AuditQueries.Names names, Locale locale) {
        Set<String> fields = new LinkedHashSet<>();
        ORDER.stream().filter(f -> before.has(f) || after.has(f)).forEach(fields::add);
        fieldNames(before).forEachRemaining(fields::add);
        fieldNames(after).forEachRemaining(fields::add);
        List<AuditChange> changes = new ArrayList<>();
        for (String field : fields) {
            if (HIDDEN.contains(field) || Objects.equals(before.get(field), after.get(field))) {
                continue;
            }
            String from = words(field, before.get(field), names, locale);
            String to = words(field, after.get(field), names, locale);
            if (!Objects.equals(from, to)) {
                changes.add(new AuditChange(field, label(field, locale), from, to));
            }
        }
        return changes;
    }

    /** A value in words; null for nothing (absent, null, empty list, or false for a flag). */
    private String words(String field, JsonNode value, AuditQueries.Names names, Locale locale) {
        if (value == null || value.isNull() || value.isMissingNode() || (value.isArray() && value.isEmpty())) {
            return null;
        }
        return switch (field) {
            case "archived", "active", "studentsOnlyAtSchool", "passwordChanged" -> value.asBoolean() || !"passwordChanged".equals(field)
                    ? text("auditchange.%s.%s".formatted(field, value.asBoolean()), Map.of(), locale) : null;
            case "gradeYear" -> text("auditchange.gradeYear", Map.of("gradeYear", value.asString()), locale);
            case "roles" -> values(value).stream().map(r -> text("auditchange.role." + r, Map.of(), locale))
                    .collect(Collectors.joining(", "));
            case "connectionType" -> text("auditchange.connectionType." + value.asString(), Map.of(), locale);
            case "login" -> text("auditchange.login." + value.asString(), Map.of(), locale);
            case "membership" -> text("auditchange.membership." + value.asString(), Map.of(), locale);
            case "products" -> values(value).stream().map(id -> names.product(Long.parseLong(id))).sorted()
                    .collect(Collectors.joining(", "));
            case "enrollments" -> StreamSupport.stream(value.spliterator(), false)
                    .map(e -> names.product(e.path("productId").asLong()) + " ("
                            + values(e.path("supervisorIds")).stream().map(s -> names.user(Long.parseLong(s)))
                                    .collect(Collectors.joining(", ")) + ")")
                    .sorted().collect(Collectors.joining(", "));
            default -> value.isValueNode() ? value.asString() : value.toString();
        };
    }

    private String label(String field, Locale locale) {
        String key = "auditchange.field." + field;
        return messages.has(key, locale) ? messages.format(key, Map.of(), locale) : field;
    }

    private String text(String key, Map<String, ?> params, Locale locale) {
        return messages.has(key, locale) ? messages.format(key, params, locale) : key.substring(key.lastIndexOf('.') + 1);
    }

    private static List<String> values(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }

    private static Iterator<String> fieldNames(JsonNode node) {
        return node.isObject() ? node.propertyNames().iterator() : java.util.Collections.emptyIterator();
    }

    private JsonNode parse(String text) {
        return text == null ? json.createObjectNode() : json.readTree(text);
    }
}
