package nl.klaspoort.demo.internal;

import java.time.OffsetDateTime;
import java.util.Map;
import nl.klaspoort.iprange.IpRanges;
import nl.klaspoort.product.Products;
import nl.klaspoort.productclient.ProductClients;
import nl.klaspoort.school.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo OAuth2 clients, one per demo product with a fixed id and secret (listed in the README and in {@link #CLIENTS}),
 * and demo IP ranges of the two schools. Runs once the application is ready, so after {@link DemoData}; adds only
 * what is missing.
 */
@Component
@ConditionalOnProperty(name = "klaspoort.demo-data.enabled", havingValue = "true")
class DemoProductClients {

    private static final Logger log = LoggerFactory.getLogger(DemoProductClients.class);

    /** product code → {client id, client secret}; scopes results.write and results.read. */
    static final Map<String, String[]> CLIENTS = Map.of(
            "LEESLAB", new String[] {"leeslab-demo", "leeslab-demo-geheim-2026"},
            "SPELLINGSTER", new String[] {"spellingster-demo", "spellingster-demo-geheim-2026"},
            "REKENROUTE", new String[] {"rekenroute-demo", "rekenroute-demo-geheim-2026"});

    /** The demo ranges have been active since the start of 2020, so that the demo sessions fall inside them. */
    private static final OffsetDateTime SINCE = OffsetDateTime.parse("2020-01-01T00:00:00+01:00");

    private final ProductClients clients;
    private final Products products;
    private final Schools schools;
    private final IpRanges ipRanges;

    DemoProductClients(ProductClients clients, Products products, Schools schools, IpRanges ipRanges) {
        this.clients = clients;
        this.products = products;
        this.schools = schools;
        this.ipRanges = ipRanges;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        CLIENTS.forEach((code, client) -> {
            if (products.byCode(code).isPresent() && clients.ensureClient(client[0], client[1], code, "Demo " + code)) {
                log.info("Demo product client {} for {}", client[0], code);
            }
        });
        ipRange("12AB", "FIBER", "192.0.2.0/24", "192.0.2.0", "192.0.2.255");
        ipRange("12AB", "OTHER", "2001:db8:12ab::/48", "2001:db8:12ab::", "2001:db8:12ab:ffff:ffff:ffff:ffff:ffff");
        ipRange("34CD", "CABLE", "198.51.100.10 - 198.51.100.20", "198.51.100.10", "198.51.100.20");
    }

    private void ipRange(String brin, String type, String notation, String first, String last) {
        schools.byBrin(brin).ifPresent(school ->
                ipRanges.addActiveSince(school.id(), type, notation, first, last, SINCE.toInstant()));
    }
}
