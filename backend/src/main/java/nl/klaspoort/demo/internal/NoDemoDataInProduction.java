package nl.klaspoort.demo.internal;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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

    private final DemoPresenceQueries queries;

    NoDemoDataInProduction(DemoPresenceQueries queries) {
        this.queries = queries;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> found = queries.demoDataFound();
        if (!found.isEmpty()) {
            throw new IllegalStateException("This database holds " + String.join(", ", found) + ", whose passwords are "
                    + "public; the prod profile does not start on it. Use a new database for production.");
        }
    }
}
