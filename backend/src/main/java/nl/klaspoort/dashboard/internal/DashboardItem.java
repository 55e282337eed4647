package nl.klaspoort.dashboard.internal;

import java.time.OffsetDateTime;
import nl.klaspoort.dashboard.DashboardItems.Kind;

/** GraphQL {@code DashboardItem}: one video, recommended programme or announcement of the publisher. */
public record DashboardItem(long id, Kind kind, String title, String body, String url, int position,
        OffsetDateTime publishedAt) {}
