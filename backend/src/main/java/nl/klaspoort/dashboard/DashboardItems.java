package nl.klaspoort.dashboard;

import java.time.Instant;
import nl.klaspoort.dashboard.internal.DashboardItemStore;
import org.springframework.stereotype.Service;

/**
 * The publisher's content of the school dashboard (D1): instruction videos, recommended programmes and announcements,
 * the same for every school. Other modules (the demo data) add items here; publisher staff manage them through GraphQL.
 */
@Service
public class DashboardItems {

    /** GraphQL {@code DashboardItemKind}. */
    public enum Kind { VIDEO, RECOMMENDATION, ANNOUNCEMENT }

    /** A new item; {@code position} orders items of a kind (lowest first, then newest). */
    public record NewItem(Kind kind, String title, String body, String url, int position, Instant publishedAt) {}

    private final DashboardItemStore store;

    DashboardItems(DashboardItemStore store) {
        this.store = store;
    }

    /** Adds the item as it is (the caller has checked it); its id. */
    public long add(NewItem item) {
        return store.create(item);
    }
}
