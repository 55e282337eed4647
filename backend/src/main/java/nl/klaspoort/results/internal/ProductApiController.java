package nl.klaspoort.results.internal;

import nl.klaspoort.platform.Connection;

import java.time.OffsetDateTime;
import java.util.List;
import nl.klaspoort.productclient.ProductToken;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The product API (RS6): record sessions and read them back, for product tokens only (client credentials). */
@Controller
class ProductApiController {

    record RecordInput(List<ResultsIngestion.SessionInput> sessions, Boolean acceptPartial) {}

    private final ResultsIngestion ingestion;
    private final ProductResults results;

    ProductApiController(ResultsIngestion ingestion, ProductResults results) {
        this.ingestion = ingestion;
        this.results = results;
    }

    @MutationMapping
    ResultsIngestion.Payload practiceSessionsRecord(@Argument RecordInput input) {
        long product = ProductToken.requireProduct(ProductToken.RESULTS_WRITE);
        return ingestion.record(product, input.sessions(), Boolean.TRUE.equals(input.acceptPartial()));
    }

    @QueryMapping
    Connection<ProductResults.Session> productResults(@Argument Long schoolId, @Argument Long studentId, @Argument OffsetDateTime from,
            @Argument OffsetDateTime to, @Argument Integer first, @Argument String after) {
        long product = ProductToken.requireProduct(ProductToken.RESULTS_READ);
        return results.sessions(product, schoolId, studentId, from, to, first, after);
    }
}
