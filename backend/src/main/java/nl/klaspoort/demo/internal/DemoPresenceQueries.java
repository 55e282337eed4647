package nl.klaspoort.demo.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether the demo data is in the database (a read model over other modules' tables): the demo professionals' e-mail
 * domain, the demo product clients and the demo schools (BRIN and name together).
 */
@Repository
class DemoPresenceQueries {

    private final JdbcClient jdbc;

    DemoPresenceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What of the demo data is there, e.g. "demo accounts"; empty when none is. */
    List<String> demoDataFound() {
        return jdbc.sql("""
                        select 'demo accounts' from app_user where lower(email) like '%@' || :domain having count(*) > 0
                        union all
                        select 'demo product clients' from product_client where client_id in (:clients) having count(*) > 0
                        union all
                        select 'demo schools' from school where (brin, name) in (('12AB', :regenboog), ('34CD', :kompas)) having count(*) > 0
                        """)
                .param("domain", DemoData.DOMAIN)
                .param("clients", DemoProductClients.CLIENTS.values().stream().map(client -> client[0]).toList())
                .param("regenboog", DemoData.SCHOOLS.get("12AB")).param("kompas", DemoData.SCHOOLS.get("34CD"))
                .query(String.class).list();
    }
}
