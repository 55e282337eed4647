package nl.klaspoort.basispoort.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.basispoort.BasispoortConnections.ActivatedSchool;
import nl.klaspoort.basispoort.BasispoortConnections.Connection;
import nl.klaspoort.basispoort.BasispoortConnections.Institution;
import nl.klaspoort.basispoort.BasispoortConnections.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code basispoort_school}. */
@Repository
public class ConnectionQueries {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ConnectionQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The connections of the schools; a school never checked or activated has an empty one. One statement. */
    public Map<Long, Connection> of(Collection<Long> schoolIds) {
        Map<Long, Connection> connections = new HashMap<>();
        schoolIds.forEach(id -> connections.put(id, new Connection(id, null, null, null, null, null)));
        jdbc.sql("""
                        select school_id, basispoort_id, activated_at, checked_at, check_status, institution::text as institution
                          from basispoort_school where school_id = any(:schools)
                        """)
                .param("schools", schoolIds.toArray(Long[]::new))
                .query(this::connection).list().forEach(c -> connections.put(c.schoolId(), c));
        return connections;
    }

    /** Basispoort ids already tied to other Klaspoort schools than {@code schoolId}. */
    public Set<Long> idsOfOtherSchools(long schoolId) {
        return Set.copyOf(jdbc.sql("select basispoort_id from basispoort_school where school_id <> :school and basispoort_id is not null")
                .param("school", schoolId).query(Long.class).list());
    }

    public List<ActivatedSchool> activated() {
        return jdbc.sql("""
                        select school_id, basispoort_id from basispoort_school
                         where activated_at is not null and basispoort_id is not null order by school_id
                        """)
                .query((rs, n) -> new ActivatedSchool(rs.getLong("school_id"), rs.getLong("basispoort_id"))).list();
    }

    private Connection connection(ResultSet rs, int row) throws SQLException {
        Timestamp activated = rs.getTimestamp("activated_at");
        Timestamp checked = rs.getTimestamp("checked_at");
        String status = rs.getString("check_status");
        String institution = rs.getString("institution");
        return new Connection(rs.getLong("school_id"), rs.getObject("basispoort_id", Long.class),
                activated == null ? null : activated.toInstant(), checked == null ? null : checked.toInstant(),
                status == null ? null : Status.valueOf(status),
                institution == null ? null : json.readValue(institution, Institution.class));
    }
}
