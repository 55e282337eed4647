package nl.klaspoort.administration.internal;

import java.util.List;
import java.util.Map;
import nl.klaspoort.access.Publishers;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Person;
import nl.klaspoort.people.Professional;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.PayloadError;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The publisher's staff in GraphQL: {@code Viewer.publisher}, {@code Query.publishers}, grant and revoke. */
@Controller
class PublisherController {

    enum PublisherError implements ErrorCode { LAST_PUBLISHER }

    record PublisherInput(String userId) {}

    record PublisherPayload(List<Professional> publishers, List<PayloadError> errors) {}

    private final Publishers publishers;
    private final People people;

    PublisherController(Publishers publishers, People people) {
        this.publishers = publishers;
        this.people = people;
    }

    @SchemaMapping(typeName = "Viewer", field = "publisher")
    boolean publisher() {
        return publishers.signedInIsPublisher();
    }

    @QueryMapping
    List<Professional> publishers() {
        return professionals(publishers.list());
    }

    @MutationMapping
    PublisherPayload publisherGrant(@Argument PublisherInput input) {
        publishers.require("granting PUBLISHER");
        Long id = Bulk.parseId(input.userId());
        boolean granted = id != null && publishers.grant(id);
        return payload(granted ? List.of() : List.of(PayloadError.of(CommonError.NOT_FOUND).field("userId")));
    }

    @MutationMapping
    PublisherPayload publisherRevoke(@Argument PublisherInput input) {
        Long id = Bulk.parseId(input.userId());
        publishers.require("revoking PUBLISHER");
        if (id == null || !publishers.list().contains(id)) {
            return payload(List.of(PayloadError.of(CommonError.NOT_FOUND).field("userId")));
        }
        return payload(publishers.revoke(id) ? List.of() : List.of(PayloadError.of(PublisherError.LAST_PUBLISHER).field("userId")));
    }

    private PublisherPayload payload(List<PayloadError> errors) {
        return new PublisherPayload(professionals(publishers.list()), errors);
    }

    private List<Professional> professionals(List<Long> ids) {
        Map<Long, Person> byId = people.byIds(ids);
        return ids.stream().map(byId::get).filter(Professional.class::isInstance).map(Professional.class::cast).toList();
    }
}
