package nl.klaspoort.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import nl.klaspoort.access.Publishers;
import nl.klaspoort.support.Fixtures;
import nl.klaspoort.support.KlaspoortTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10, item 1: the first publisher of an installation comes from {@code klaspoort.publisher.bootstrap-user-id},
 * by id, once: only while nobody holds PUBLISHER, recorded as a BOOTSTRAP grant.
 */
@KlaspoortTest
class PublisherBootstrapTest {

    @Autowired
    Publishers publishers;

    @Autowired
    Fixtures fixture;

    @Autowired
    JdbcClient jdbc;

    private String activeReason(long user) {
        return jdbc.sql("select reason from publisher_grant where user_id = :u and revoked_at is null").param("u", user)
                .query(String.class).optional().orElse(null);
    }

    @Test
    void theConfiguredPersonBecomesTheFirstPublisherOnlyWhileThereIsNone() {
        long first = fixture.professional(fixture.school().create().id(), "Eerste", "Uitgever");
        // there is a publisher (the demo's director): the bootstrap does nothing
        new PublisherBootstrap(publishers, first).run(null);
        assertThat(activeReason(first)).isNull();

        // a fresh installation: nobody holds it
        java.util.List<Long> demo = jdbc.sql("select id from publisher_grant where revoked_at is null").query(Long.class).list();
        jdbc.sql("update publisher_grant set revoked_at = now() where id = any(:ids)").param("ids", demo.toArray(Long[]::new)).update();
        try {
            new PublisherBootstrap(publishers, first).run(null);
            assertThat(activeReason(first)).isEqualTo("BOOTSTRAP");
            long second = fixture.professional(fixture.school().create().id(), "Tweede", "Uitgever");
            new PublisherBootstrap(publishers, second).run(null);
            assertThat(activeReason(second)).as("one-time: the second start changes nothing").isNull();
        } finally {
            jdbc.sql("update publisher_grant set revoked_at = now() where user_id = :u and revoked_at is null").param("u", first).update();
            jdbc.sql("update publisher_grant set revoked_at = null where id = any(:ids)").param("ids", demo.toArray(Long[]::new)).update();
        }
    }
}
