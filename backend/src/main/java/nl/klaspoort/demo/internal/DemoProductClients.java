package nl.klaspoort.demo.internal;

import java.util.Map;
import nl.klaspoort.productclient.ProductClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final ProductClients clients;
    private final JdbcClient jdbc;

    DemoProductClients(ProductClients clients, JdbcClient jdbc) {
        this.clients = clients;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        CLIENTS.forEach((code, client) -> {
            boolean productExists = jdbc.sql("select count(*) from product where code = :code").param("code", code)
                    .query(Long.class).single() > 0;
            if (productExists && clients.ensureClient(client[0], client[1], code, "Demo " + code)) {
                log.info("Demo product client {} for {}", client[0], code);
            }
        });
        ipRange("12AB", "FIBER", "192.0.2.0/24", "192.0.2.0", "192.0.2.255");
        ipRange("12AB", "OTHER", "2001:db8:12ab::/48", "2001:db8:12ab::", "2001:db8:12ab:ffff:ffff:ffff:ffff:ffff");
        ipRange("34CD", "CABLE", "198.51.100.10 - 198.51.100.20", "198.51.100.10", "198.51.100.20");
    }

    /** An active range of the school, active since the start of 2020 so that the demo sessions fall inside it. */
    private void ipRange(String brin, String type, String notation, String first, String last) {
        jdbc.sql("""
                with school as (select id from school where brin = :brin and branch_code = '00'),
                     added as (
                    insert into school_ip_range (id, school_id, connection_type, notation, first_address, last_address, active, created_at)
                    select nextval('school_ip_range_seq'), s.id, :type, :notation, cast(:first as inet), cast(:last as inet), true,
                           timestamptz '2020-01-01 00:00:00+01'
                      from school s
                     where not exists (select 1 from school_ip_range r where r.school_id = s.id and r.notation = :notation)
                    returning id, school_id, first_address, last_address, created_at)
                insert into school_ip_range_activity (range_id, school_id, first_address, last_address, active_from)
                select id, school_id, first_address, last_address, created_at from added
                """)
                .param("brin", brin).param("type", type).param("notation", notation).param("first", first).param("last", last)
                .update();
    }
}
