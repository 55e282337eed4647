package nl.klaspoort.helpdesk.internal;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The publisher's support content in GraphQL ({@code productStatus}, {@code supportFaq}, {@code productDocuments},
 * {@code informationSquare}, {@code supportArticlePublish/Remove}), and S1's status as JSON at
 * {@code GET /support/status} for the login page, where nobody is signed in yet.
 */
@Controller
class SupportContentController {

    private final SupportContent content;

    SupportContentController(SupportContent content) {
        this.content = content;
    }

    @GetMapping(path = "/support/status", produces = "application/json")
    @ResponseBody
    ResponseEntity<List<SupportContent.ProductStatus>> statusForEveryone() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(content.status());
    }

    @QueryMapping
    List<SupportContent.ProductStatus> productStatus() {
        return content.status();
    }

    @QueryMapping
    List<SupportContent.ArticleView> supportFaq(@Argument String search, @Argument Integer first) {
        return content.faq(search, first == null ? 50 : first);
    }

    @QueryMapping
    List<SupportContent.ArticleView> productDocuments(@Argument String productId) {
        return content.documents(productId);
    }

    @QueryMapping
    List<SupportContent.ArticleView> informationSquare(@Argument String schoolId) {
        return content.informationSquare(schoolId);
    }

    @MutationMapping
    SupportContent.ArticlePayload supportArticlePublish(@Argument SupportContent.PublishInput input) {
        return content.publish(input);
    }

    @MutationMapping
    SupportContent.ArticlePayload supportArticleRemove(@Argument SupportContent.RemoveInput input) {
        return content.remove(input);
    }
}
