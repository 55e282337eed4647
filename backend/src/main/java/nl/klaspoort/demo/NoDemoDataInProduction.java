package nl.klaspoort.demo;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code prod} profile refuses to start while the database holds demo data: its logins and client secrets are in
 * the README, so a production copy of it would be open to anyone. Demo data is recognised by the demo professionals'
 * e-mail domain, the demo product clients and the demo schools (BRIN and name together).
 */
@Component
@Profile("prod")
@Order(Ordered.HIGHEST_PRECEDENCE)
class NoDemoDataInProduction implements ApplicationRunner {

    private final JdbcClient jdbc;

    NoDemoDataInProduction(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> found = jdbc.sql("""
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
        if (!found.isEmpty()) {
            throw new IllegalStateException("This database holds " + String.join(", ", found) + ", whose passwords are "
                    + "public; the prod profile does not start on it. Use a new database for production.");
        }
    }
}
