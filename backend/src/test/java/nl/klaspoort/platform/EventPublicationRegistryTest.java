package nl.klaspoort.platform;

import static org.assertj.core.api.Assertions.assertThat;

import nl.klaspoort.support.KlaspoortTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;

/** Events between modules are kept in PostgreSQL (table event_publication, from Flyway), so they survive a crash. */
@KlaspoortTest
class EventPublicationRegistryTest {

    @Autowired
    EventPublicationRepository publications;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePublicationRegistryIsTheJdbcOneOnTheMigratedTable() {
        assertThat(AopUtils.getTargetClass(publications).getSimpleName()).startsWith("Jdbc");
        assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null").query(Integer.class).single())
                .isNotNegative();
    }
}
