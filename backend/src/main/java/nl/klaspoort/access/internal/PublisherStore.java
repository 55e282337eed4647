package nl.klaspoort.access.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code publisher_grant}: who holds PUBLISHER, granted by whom and why, revoked by whom. */
@Repository
public class PublisherStore {

    private final JdbcClient jdbc;

    PublisherStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Grants PUBLISHER unless held; false when it was held already. */
    public boolean grant(long userId, Long grantedBy, String reason, Instant now) {
        return jdbc.sql("""
                        insert into publisher_grant (user_id, granted_by, granted_at, reason)
                        select :user, :by, :now, :reason
                         where not exists (select 1 from publisher_grant where user_id = :user and revoked_at is null)
                        """)
                .param("user", userId).param("by", grantedBy).param("now", Timestamp.from(now)).param("reason", reason)
                .update() > 0;
    }

    /** Revokes PUBLISHER; false when it was not held. */
    public boolean revoke(long userId, long revokedBy, Instant now) {
        return jdbc.sql("""
                        update publisher_grant set revoked_by = :by, revoked_at = :now
                         where user_id = :user and revoked_at is null
                        """)
                .param("user", userId).param("by", revokedBy).param("now", Timestamp.from(now)).update() > 0;
    }

}
