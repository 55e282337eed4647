package nl.klaspoort.helpdesk.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code support_article}: the publisher's support content (S1, S2, S7, RS5). */
@Repository
class SupportArticleStore {

    enum Kind { STATUS, RELEASE_NOTE, FAQ, DOCUMENT, INFO }

    enum Status { OK, DISRUPTED, MAINTENANCE }

    record Article(long id, Kind kind, Long productId, Status status, String title, String body, String url,
            OffsetDateTime publishedAt) {}

    private static final String COLUMNS = "id, kind, product_id, status, title, body, url, published_at";

    private final JdbcClient jdbc;

    SupportArticleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Kind kind, Long productId, Status status, String title, String body, String url, Instant at, long author) {
        return jdbc.sql("""
                        insert into support_article (kind, product_id, status, title, body, url, published_at, author_id)
                        values (:kind, :product, :status, :title, :body, :url, :at, :author) returning id
                        """)
                .param("kind", kind.name()).param("product", productId).param("status", status == null ? null : status.name())
                .param("title", title).param("body", body).param("url", url)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("author", author)
                .query(Long.class).single();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from support_article where id = :id").param("id", id).update() == 1;
    }

    /** Articles of these kinds, newest first; of the given products only when {@code productIds} is not null. */
    List<Article> of(Collection<Kind> kinds, Collection<Long> productIds) {
        return jdbc.sql("select " + COLUMNS + " from support_article where kind = any(:kinds)"
                        + (productIds == null ? "" : " and product_id = any(:products)")
                        + " order by published_at desc, id desc")
                .param("kinds", kinds.stream().map(Enum::name).toArray(String[]::new))
                .param("products", productIds == null ? new Long[0] : productIds.toArray(Long[]::new))
                .query(Article.class).list();
    }

    /** FAQ entries whose question or answer holds every word of {@code search} (accents and case ignored). */
    List<Article> faq(String search, int limit) {
        String[] words = search == null ? new String[0] : search.strip().toLowerCase().split("\\s+");
        return jdbc.sql("""
                        select %s from support_article a
                         where kind = 'FAQ'
                           and not exists (select 1 from unnest(cast(:words as text[])) w
                                            where w <> '' and strpos(unaccent(lower(a.title || ' ' || a.body)), unaccent(w)) = 0)
                         order by published_at desc, id desc limit :limit
                        """.formatted(COLUMNS))
                .param("words", words).param("limit", limit).query(Article.class).list();
    }
}
