package klaspoort.peers.products;

import java.net.URI;
import klaspoort.peers.Peer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** The demo products' landing pages as a peer of the demo run; settings under {@code peers.products}. */
@Component
@ConditionalOnBooleanProperty(name = "peers.products.enabled", matchIfMissing = true)
class ProductsPeer extends Peer {

    /**
     * @param port      HTTP port on the loopback address (Klaspoort's {@code klaspoort.demo-data.products-url} points here)
     * @param klaspoort Klaspoort's address: the launch tokens' issuer, its keys at {@code /oauth2/jwks}
     */
    @ConfigurationProperties("peers.products")
    record Settings(int port, URI klaspoort) {
    }

    private final Settings settings;
    private volatile ProductLandingPages pages;

    ProductsPeer(Settings settings) {
        this.settings = settings;
    }

    @Override
    protected String name() {
        return "products";
    }

    @Override
    protected String startPeer() {
        pages = ProductLandingPages.builder().port(settings.port()).klaspoort(settings.klaspoort()).start();
        return pages.baseUrl() + " (launch pages of " + String.join(", ", ProductLandingPages.PRODUCTS.keySet())
                + "), keys from " + settings.klaspoort() + "/oauth2/jwks";
    }

    @Override
    protected void stopPeer() {
        if (pages != null) {
            pages.close();
        }
    }
}
