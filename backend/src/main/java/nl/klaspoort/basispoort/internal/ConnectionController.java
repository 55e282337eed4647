package nl.klaspoort.basispoort.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.klaspoort.access.Publishers;
import nl.klaspoort.basispoort.BasispoortConnections.Connection;
import nl.klaspoort.basispoort.BasispoortConnections.Institution;
import nl.klaspoort.basispoort.BasispoortConnections.Status;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.Messages;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.school.School;
import nl.klaspoort.school.Schools;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code School.basispoort} (batched), {@code BasispoortConnection.*} and the BP1 mutations. */
@Controller
class ConnectionController {

    enum ConnectionError implements ErrorCode { BASISPOORT_NOT_IDENTIFIED }

    record CheckInput(long schoolId, String basispoortId) {}

    /** GraphQL {@code BasispoortConnection}: the connection with the school it belongs to (for its message). */
    record ConnectionView(Connection connection, School school, boolean canActivate) {
        public String basispoortId() {
            return connection.basispoortId() == null ? null : connection.basispoortId().toString();
        }

        public boolean activated() {
            return connection.activated();
        }

        public java.time.OffsetDateTime activatedAt() {
            return connection.activatedAt() == null ? null : connection.activatedAt().atOffset(java.time.ZoneOffset.UTC);
        }

        public Status status() {
            return connection.status();
        }

        public java.time.OffsetDateTime checkedAt() {
            return connection.checkedAt() == null ? null : connection.checkedAt().atOffset(java.time.ZoneOffset.UTC);
        }

        public InstitutionView institution() {
            Institution i = connection.institution();
            return i == null || i.name() == null && i.brin() == null ? null : new InstitutionView(Long.toString(i.id()),
                    i.name(), i.brin(), i.dependanceCode(), i.city(), i.active());
        }
    }

    /** GraphQL {@code BasispoortInstitution}. */
    record InstitutionView(String id, String name, String brin, String branchCode, String city, boolean active) {}

    record Payload(ConnectionView connection, List<PayloadError> errors) {}

    private final ConnectionService connections;
    private final Publishers publisher;
    private final Schools schools;
    private final Messages messages;

    ConnectionController(ConnectionService connections, Publishers publisher, Schools schools, Messages messages) {
        this.connections = connections;
        this.publisher = publisher;
        this.schools = schools;
        this.messages = messages;
    }

    @BatchMapping(typeName = "School", field = "basispoort")
    Map<School, ConnectionView> basispoort(List<School> batch) {
        Map<Long, Connection> found = connections.connections(batch.stream().map(School::id).toList());
        boolean canActivate = publisher.signedInIsPublisher();
        Map<School, ConnectionView> result = new HashMap<>();
        batch.stream().filter(s -> found.containsKey(s.id()))
                .forEach(s -> result.put(s, new ConnectionView(found.get(s.id()), s, canActivate)));
        return result;
    }

    @SchemaMapping(typeName = "BasispoortConnection", field = "message")
    String message(ConnectionView view, Locale locale) {
        Connection connection = view.connection();
        if (connection.status() == null) {
            return null;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("brin", view.school().brin());
        params.put("branch", view.school().branchCode());
        Institution institution = connection.institution();
        params.put("id", institution == null ? "" : Long.toString(institution.id()));
        params.put("name", institution == null || institution.name() == null ? "" : institution.name());
        params.put("otherBrin", institution == null || institution.brin() == null ? "" : institution.brin());
        return messages.format("basispoort.status." + connection.status(), params, locale);
    }

    @MutationMapping
    Payload basispoortConnectionCheck(@Argument CheckInput input) {
        Long basispoortId = null;
        if (input.basispoortId() != null && !input.basispoortId().isBlank()) {
            basispoortId = parse(input.basispoortId());
            if (basispoortId == null) {
                return new Payload(null, List.of(PayloadError.of(CommonError.INVALID_ID).field("basispoortId")
                        .param("argument", "basispoortId").param("value", input.basispoortId())));
            }
        }
        Connection connection = connections.check(input.schoolId(), basispoortId);
        return new Payload(view(input.schoolId(), connection), List.of());
    }

    @MutationMapping
    Payload basispoortSchoolActivate(@Argument CheckInput input) {
        Long basispoortId = input.basispoortId() == null || input.basispoortId().isBlank() ? null : parse(input.basispoortId());
        if (input.basispoortId() != null && !input.basispoortId().isBlank() && basispoortId == null) {
            return new Payload(null, List.of(PayloadError.of(CommonError.INVALID_ID).field("basispoortId")
                    .param("argument", "basispoortId").param("value", input.basispoortId())));
        }
        Connection connection = connections.activate(input.schoolId(), basispoortId);
        List<PayloadError> errors = connection.activated() ? List.of()
                : List.of(PayloadError.of(ConnectionError.BASISPOORT_NOT_IDENTIFIED).field("schoolId")
                        .param("status", String.valueOf(connection.status())));
        return new Payload(view(input.schoolId(), connection), errors);
    }

    private ConnectionView view(long schoolId, Connection connection) {
        return new ConnectionView(connection, schools.byId(schoolId).orElseThrow(), publisher.signedInIsPublisher());
    }

    private static Long parse(String text) {
        try {
            long id = Long.parseLong(text.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
