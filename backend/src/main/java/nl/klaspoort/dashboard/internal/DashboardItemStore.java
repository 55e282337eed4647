package nl.klaspoort.dashboard.internal;

import java.sql.Timestamp;
import java.time.Instant;
import nl.klaspoort.dashboard.DashboardItems.NewItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code dashboard_item}; times come from the caller (the clock). */
@Repository
public class DashboardItemStore {

    private final JdbcClient jdbc;

    DashboardItemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(NewItem item) {
        return jdbc.sql("""
                        insert into dashboard_item (id, kind, title, body, url, position, published_at, updated_at)
                        values (nextval('dashboard_item_seq'), :kind, :title, :body, :url, :position, :published, :published)
                        returning id
                        """)
                .param("kind", item.kind().name()).param("title", item.title()).param("body", item.body())
                .param("url", item.url()).param("position", item.position())
                .param("published", Timestamp.from(item.publishedAt()))
                .query(Long.class).single();
    }

    /** Changes the item's texts, place and publication time; whether it exists. */
    boolean update(long id, NewItem item, Instant now) {
        return jdbc.sql("""
                        update dashboard_item set title = :title, body = :body, url = :url, position = :position,
                                                  published_at = :published, updated_at = :now
                         where id = :id
                        """)
                .param("id", id).param("title", item.title()).param("body", item.body()).param("url", item.url())
                .param("position", item.position()).param("published", Timestamp.from(item.publishedAt()))
                .param("now", Timestamp.from(now))
                .update() > 0;
    }

    /** Removes the item; whether it existed. */
    boolean remove(long id) {
        return jdbc.sql("delete from dashboard_item where id = :id").param("id", id).update() > 0;
    }
}
