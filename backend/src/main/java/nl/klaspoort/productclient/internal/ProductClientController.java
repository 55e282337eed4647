package nl.klaspoort.productclient.internal;

import nl.klaspoort.productclient.ProductClients;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Publisher staff register, list, disable and enable product clients and rotate their secrets. */
@Controller
class ProductClientController {

    record RegisterInput(long productId, String name, List<ProductClients.Scope> scopes) {}

    private final ProductClients clients;

    ProductClientController(ProductClients clients) {
        this.clients = clients;
    }

    record ClientInput(String clientId) {}

    @MutationMapping
    ProductClients.Registration productClientRegister(@Argument RegisterInput input) {
        return clients.register(input.productId(), input.name(), input.scopes());
    }

    @QueryMapping
    List<ProductClients.Client> productClients() {
        return clients.list();
    }

    @MutationMapping
    ProductClients.Changed productClientDisable(@Argument ClientInput input) {
        return clients.setEnabled(input.clientId(), false);
    }

    @MutationMapping
    ProductClients.Changed productClientEnable(@Argument ClientInput input) {
        return clients.setEnabled(input.clientId(), true);
    }

    @MutationMapping
    ProductClients.Registration productClientSecretRotate(@Argument ClientInput input) {
        return clients.rotateSecret(input.clientId());
    }
}
