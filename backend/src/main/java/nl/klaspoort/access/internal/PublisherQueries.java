package nl.klaspoort.access.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who holds PUBLISHER ({@code publisher_grant}), and whether a person may (a professional: {@code app_user}). */
@Repository
public class PublisherQueries {

    private final JdbcClient jdbc;

    PublisherQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isPublisher(long userId) {
        return jdbc.sql("select exists (select 1 from publisher_grant where user_id = :user and revoked_at is null)")
                .param("user", userId).query(Boolean.class).single();
    }

    /** The people holding PUBLISHER now, in the order they got it. */
    public List<Long> publishers() {
        return jdbc.sql("select user_id from publisher_grant where revoked_at is null order by granted_at, id")
                .query(Long.class).list();
    }

    /** Whether the person exists and is a professional (the only kind that may hold PUBLISHER). */
    public boolean isProfessional(long userId) {
        return jdbc.sql("select exists (select 1 from app_user where id = :user and kind = 'PROFESSIONAL')")
                .param("user", userId).query(Boolean.class).single();
    }
}
