package nl.klaspoort.basispoort.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.basispoort.BasispoortLinks.Kind;
import nl.klaspoort.basispoort.BasispoortLinks.Link;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code basispoort_link}. */
@Repository
public class LinkQueries {

    private static final TypeReference<Map<String, String>> SYNCED = new TypeReference<>() { };
    private static final String COLUMNS = "school_id, user_id, kind, basispoort_id, eck_id, las_key, synced::text as synced, linked_at, left_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LinkQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Map<Long, Link> ofSchool(long schoolId) {
        Map<Long, Link> links = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " from basispoort_link where school_id = :school")
                .param("school", schoolId).query(this::link).list().forEach(l -> links.put(l.userId(), l));
        return links;
    }

    public List<Link> studentsElsewhere(long schoolId, Collection<Long> basispoortIds, Collection<String> eckIds) {
        return jdbc.sql("select " + COLUMNS + """
                         from basispoort_link
                        where school_id <> :school and kind = 'STUDENT'
                          and (basispoort_id = any(:basispoortIds) or eck_id = any(:eckIds))
                        order by left_at is not null, coalesce(left_at, linked_at) desc
                        """)
                .param("school", schoolId)
                .param("basispoortIds", basispoortIds.toArray(Long[]::new))
                .param("eckIds", eckIds.toArray(String[]::new))
                .query(this::link).list();
    }

    public List<Link> byBasispoortId(long basispoortId) {
        return jdbc.sql("select " + COLUMNS + " from basispoort_link where basispoort_id = :id order by left_at is not null, linked_at desc")
                .param("id", basispoortId).query(this::link).list();
    }

    private Link link(ResultSet rs, int row) throws SQLException {
        Timestamp left = rs.getTimestamp("left_at");
        return new Link(rs.getLong("school_id"), rs.getLong("user_id"), Kind.valueOf(rs.getString("kind")),
                rs.getObject("basispoort_id", Long.class), rs.getString("eck_id"), rs.getString("las_key"),
                json.readValue(rs.getString("synced"), SYNCED), rs.getTimestamp("linked_at").toInstant(),
                left == null ? null : left.toInstant());
    }
}
