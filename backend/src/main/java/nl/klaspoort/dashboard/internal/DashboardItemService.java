package nl.klaspoort.dashboard.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.klaspoort.access.Publishers;
import nl.klaspoort.dashboard.DashboardItems.Kind;
import nl.klaspoort.dashboard.DashboardItems.NewItem;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.Ids;
import nl.klaspoort.platform.PayloadError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The publisher's staff manage the dashboard's videos, recommended programmes and announcements (D1). Every text is
 * checked before anything is written: a title (at most 200 characters), a body of at most 2,000, an http(s) address of
 * at most 500 (required for videos and programmes), a place from 0 to 1,000.
 */
@Service
class DashboardItemService {

    /** The error codes of dashboard items ({@code extend enum ErrorCode} in {@code dashboard.graphqls}). */
    enum DashboardItemError implements ErrorCode { TITLE_REQUIRED, INVALID_URL }

    /** GraphQL {@code DashboardItemPayload}. */
    record Payload(DashboardItem item, List<PayloadError> errors) {}

    /** An item as it arrives in GraphQL input. */
    record ItemInput(String itemId, Kind kind, String title, String body, String url, Integer position,
            OffsetDateTime publishedAt) {}

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 2_000;
    static final int MAX_URL = 500;
    static final int MAX_POSITION = 1_000;

    private final DashboardItemStore store;
    private final DashboardItemQueries queries;
    private final Publishers publishers;
    private final Clock clock;

    DashboardItemService(DashboardItemStore store, DashboardItemQueries queries, Publishers publishers, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.publishers = publishers;
        this.clock = clock;
    }

    @Transactional
    Payload create(ItemInput input) {
        requirePublisher();
        List<PayloadError> errors = new ArrayList<>();
        NewItem item = check(input, input.kind(), errors);
        if (!errors.isEmpty()) {
            return new Payload(null, errors);
        }
        return new Payload(queries.item(store.create(item)).orElseThrow(), List.of());
    }

    @Transactional
    Payload update(ItemInput input) {
        requirePublisher();
        DashboardItem existing = Ids.parse(input.itemId()) == null ? null : queries.item(Ids.parse(input.itemId())).orElse(null);
        if (existing == null) {
            return new Payload(null, List.of(PayloadError.of(CommonError.NOT_FOUND).field("itemId")));
        }
        List<PayloadError> errors = new ArrayList<>();
        NewItem item = check(input, existing.kind(), errors);
        if (!errors.isEmpty()) {
            return new Payload(existing, errors);
        }
        store.update(existing.id(), item, clock.instant());
        return new Payload(queries.item(existing.id()).orElseThrow(), List.of());
    }

    @Transactional
    Payload remove(String itemId) {
        requirePublisher();
        Long id = Ids.parse(itemId);
        if (id == null || !store.remove(id)) {
            return new Payload(null, List.of(PayloadError.of(CommonError.NOT_FOUND).field("itemId")));
        }
        return new Payload(null, List.of());
    }

    private NewItem check(ItemInput input, Kind kind, List<PayloadError> errors) {
        String title = clean(input.title());
        String body = clean(input.body());
        String url = clean(input.url());
        if (title == null) {
            errors.add(PayloadError.of(DashboardItemError.TITLE_REQUIRED).field("title"));
        } else if (title.length() > MAX_TITLE) {
            errors.add(PayloadError.of(CommonError.TOO_LONG).field("title").param("max", MAX_TITLE));
        }
        if (body != null && body.length() > MAX_BODY) {
            errors.add(PayloadError.of(CommonError.TOO_LONG).field("body").param("max", MAX_BODY));
        }
        if (url == null ? kind != Kind.ANNOUNCEMENT : !webAddress(url)) {
            errors.add(PayloadError.of(DashboardItemError.INVALID_URL).field("url").param("max", MAX_URL));
        }
        int position = input.position() == null ? 0 : input.position();
        if (position < 0 || position > MAX_POSITION) {
            errors.add(PayloadError.of(CommonError.ARGUMENT_OUT_OF_RANGE).field("position").param("argument", "position")
                    .param("min", 0).param("max", MAX_POSITION).param("value", position));
        }
        Instant published = input.publishedAt() == null ? clock.instant() : input.publishedAt().toInstant();
        return new NewItem(kind, title, body, url, position, published);
    }

    /** An absolute http or https address with a host, of at most {@value #MAX_URL} characters. */
    static boolean webAddress(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Publisher staff only: PUBLISHER, held by the person (FORBIDDEN for everyone else). */
    private void requirePublisher() {
        publishers.require("dashboard items");
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

}
