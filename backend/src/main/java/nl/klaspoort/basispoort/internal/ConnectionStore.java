package nl.klaspoort.basispoort.internal;

import java.sql.Timestamp;
import java.time.Instant;
import nl.klaspoort.basispoort.BasispoortConnections.Institution;
import nl.klaspoort.basispoort.BasispoortConnections.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code basispoort_school}. */
@Repository
public class ConnectionStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ConnectionStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Keeps a check's outcome; the Basispoort id only when the check identified the institution (else kept as it was). */
    public void recordCheck(long schoolId, Long basispoortId, Status status, Institution institution, Instant at) {
        jdbc.sql("""
                        insert into basispoort_school (school_id, basispoort_id, checked_at, check_status, institution)
                        values (:school, :basispoortId, :at, :status, cast(:institution as jsonb))
                        on conflict (school_id) do update
                           set basispoort_id = coalesce(excluded.basispoort_id, basispoort_school.basispoort_id),
                               checked_at = excluded.checked_at, check_status = excluded.check_status,
                               institution = excluded.institution
                        """)
                .param("school", schoolId).param("basispoortId", basispoortId).param("at", Timestamp.from(at))
                .param("status", status.name())
                .param("institution", institution == null ? null : json.writeValueAsString(institution))
                .update();
    }

    public void activate(long schoolId, long basispoortId, Long by, Instant at) {
        jdbc.sql("""
                        insert into basispoort_school (school_id, basispoort_id, activated_at, activated_by)
                        values (:school, :basispoortId, :at, :by)
                        on conflict (school_id) do update
                           set basispoort_id = excluded.basispoort_id,
                               activated_at = coalesce(basispoort_school.activated_at, excluded.activated_at),
                               activated_by = coalesce(basispoort_school.activated_by, excluded.activated_by)
                        """)
                .param("school", schoolId).param("basispoortId", basispoortId).param("at", Timestamp.from(at))
                .param("by", by).update();
    }
}
