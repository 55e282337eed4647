package nl.klaspoort.helpdesk.internal;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.access.Publishers;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.enrollment.Enrollments;
import nl.klaspoort.helpdesk.internal.SupportArticleStore.Article;
import nl.klaspoort.helpdesk.internal.SupportArticleStore.Kind;
import nl.klaspoort.helpdesk.internal.SupportArticleStore.Status;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.product.Product;
import nl.klaspoort.product.Products;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.KlaspoortUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The publisher's support content: product status with its history and release notes (S1, readable without signing
 * in), the FAQ with search (S2), a product's documents (RS5) and its Informatieplein (S7, only for those who work
 * with the product). Only PUBLISHER staff publish and remove.
 */
@Service
class SupportContent {

    /** GraphQL {@code SupportArticle}. */
    record ArticleView(long id, Kind kind, Long productId, String productName, Status status, String title, String body,
            String url, OffsetDateTime publishedAt) {}

    /** S1: one product's status now, its history and its release notes, newest first. */
    record ProductStatus(String code, String name, Status status, OffsetDateTime since, List<ArticleView> history,
            List<ArticleView> releaseNotes) {}

    record PublishInput(Kind kind, String productId, Status status, String title, String body, String url) {}

    record RemoveInput(String articleId) {}

    record ArticlePayload(ArticleView article, List<PayloadError> errors) {}

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 20_000;
    private static final int HISTORY = 20;

    private final SupportArticleStore articles;
    private final Products products;
    private final Publishers publishers;
    private final SchoolAccess access;
    private final Enrollments enrollments;
    private final Clock clock;

    SupportContent(SupportArticleStore articles, Products products, Publishers publishers, SchoolAccess access,
            Enrollments enrollments, Clock clock) {
        this.articles = articles;
        this.products = products;
        this.publishers = publishers;
        this.access = access;
        this.enrollments = enrollments;
        this.clock = clock;
    }

    /** S1: every product's status; anyone, also without signing in. */
    List<ProductStatus> status() {
        List<Product> all = products.all();
        Map<Long, List<ArticleView>> history = new LinkedHashMap<>();
        Map<Long, List<ArticleView>> notes = new LinkedHashMap<>();
        for (ArticleView a : views(articles.of(EnumSet.of(Kind.STATUS, Kind.RELEASE_NOTE), null), all)) {
            var list = (a.kind() == Kind.STATUS ? history : notes).computeIfAbsent(a.productId(), id -> new ArrayList<>());
            if (list.size() < HISTORY) {
                list.add(a);
            }
        }
        return all.stream().map(p -> {
            List<ArticleView> h = history.getOrDefault(p.id(), List.of());
            return new ProductStatus(p.code(), p.name(), h.isEmpty() ? Status.OK : h.getFirst().status(),
                    h.isEmpty() ? null : h.getFirst().publishedAt(), h, notes.getOrDefault(p.id(), List.of()));
        }).toList();
    }

    /** S2: the FAQ, searched; professionals and the publisher. */
    List<ArticleView> faq(String search, int first) {
        professional();
        String words = search == null ? null : search.substring(0, Math.min(search.length(), 100));
        return views(articles.faq(words, Math.max(1, Math.min(first, 100))), products.all());
    }

    /** RS5: a product's documents (videos, manuals); professionals. */
    List<ArticleView> documents(String productId) {
        professional();
        Long id = parse(productId);
        return id == null ? List.of() : views(articles.of(EnumSet.of(Kind.DOCUMENT), List.of(id)), products.all());
    }

    /** S7: the Informatieplein items of the products the signed-in professional works with at the school. */
    List<ArticleView> informationSquare(String schoolId) {
        long school = access.require(schoolId, Role.ADMIN, Role.SUPERVISOR);
        Set<Long> mine = enrollments.assignedProducts(school, CurrentUser.id());
        return mine.isEmpty() ? List.of() : views(articles.of(EnumSet.of(Kind.INFO), mine), products.all());
    }

    @Transactional
    ArticlePayload publish(PublishInput input) {
        publishers.require("publishing support content");
        List<PayloadError> errors = new ArrayList<>();
        String title = input.title() == null ? "" : input.title().strip();
        String body = input.body() == null ? "" : input.body().strip();
        if (title.isEmpty()) {
            errors.add(PayloadError.of(SupportService.SupportError.REQUIRED).field("title"));
        } else if (title.length() > MAX_TITLE) {
            errors.add(PayloadError.of(CommonError.TOO_LONG).field("title").param("max", MAX_TITLE));
        }
        if (body.length() > MAX_BODY) {
            errors.add(PayloadError.of(CommonError.TOO_LONG).field("body").param("max", MAX_BODY));
        }
        Long productId = input.productId() == null || input.productId().isBlank() ? null : parse(input.productId());
        if (input.kind() != Kind.FAQ && (productId == null || products.byId(productId).isEmpty())) {
            errors.add(PayloadError.of(input.productId() == null ? SupportService.SupportError.REQUIRED : CommonError.NOT_FOUND)
                    .field("productId"));
        }
        if ((input.kind() == Kind.STATUS) != (input.status() != null)) {
            errors.add(PayloadError.of(SupportService.SupportError.REQUIRED).field("status"));
        }
        String url = input.url() == null || input.url().isBlank() ? null : input.url().strip();
        if (url != null && !webLink(url)) {
            errors.add(PayloadError.of(SupportService.SupportError.INVALID_URL).field("url"));
        }
        if (input.kind() == Kind.DOCUMENT && url == null) {
            errors.add(PayloadError.of(SupportService.SupportError.REQUIRED).field("url"));
        }
        if (!errors.isEmpty()) {
            return new ArticlePayload(null, errors);
        }
        long id = articles.insert(input.kind(), input.kind() == Kind.FAQ ? null : productId, input.status(), title, body,
                url, clock.instant(), CurrentUser.id());
        return new ArticlePayload(views(List.of(new Article(id, input.kind(), input.kind() == Kind.FAQ ? null : productId,
                input.status(), title, body, url, clock.instant().atOffset(java.time.ZoneOffset.UTC))), products.all()).getFirst(),
                List.of());
    }

    @Transactional
    ArticlePayload remove(RemoveInput input) {
        publishers.require("removing support content");
        Long id = parse(input.articleId());
        if (id == null || !articles.delete(id)) {
            return new ArticlePayload(null, List.of(PayloadError.of(CommonError.NOT_FOUND).field("articleId")));
        }
        return new ArticlePayload(null, List.of());
    }

    private void professional() {
        KlaspoortUser user = CurrentUser.require();
        if (user.kind() != KlaspoortUser.Kind.PROFESSIONAL) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "support content");
        }
    }

    private static List<ArticleView> views(Collection<Article> list, List<Product> all) {
        Map<Long, String> names = new LinkedHashMap<>();
        all.forEach(p -> names.put(p.id(), p.name()));
        return list.stream().map(a -> new ArticleView(a.id(), a.kind(), a.productId(),
                a.productId() == null ? null : names.get(a.productId()), a.status(), a.title(), a.body(), a.url(),
                a.publishedAt())).toList();
    }

    private static boolean webLink(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && url.length() <= 2000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Long parse(String id) {
        try {
            return id == null ? null : Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
