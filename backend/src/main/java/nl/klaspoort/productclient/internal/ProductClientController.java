package nl.klaspoort.productclient.internal;

import nl.klaspoort.productclient.ProductClients;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** {@code Mutation.productClientRegister}: publisher staff register an OAuth2 client for a product. */
@Controller
class ProductClientController {

    record RegisterInput(long productId, String name, List<ProductClients.Scope> scopes) {}

    private final ProductClients clients;

    ProductClientController(ProductClients clients) {
        this.clients = clients;
    }

    @MutationMapping
    ProductClients.Registration productClientRegister(@Argument RegisterInput input) {
        return clients.register(input.productId(), input.name(), input.scopes());
    }
}
