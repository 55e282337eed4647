package nl.klaspoort.dashboard.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.klaspoort.dashboard.DashboardItems.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code dashboard_item}. */
@Repository
class DashboardItemQueries {

    private final JdbcClient jdbc;

    DashboardItemQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The items of the kind (every kind when null), by kind, position, newest first; one statement. */
    List<DashboardItem> items(Kind kind) {
        return jdbc.sql("""
                        select * from dashboard_item where (cast(:kind as text) is null or kind = :kind)
                         order by kind, position, published_at desc, id
                        """)
                .param("kind", kind == null ? null : kind.name())
                .query((rs, n) -> item(rs)).list();
    }

    Optional<DashboardItem> item(long id) {
        return jdbc.sql("select * from dashboard_item where id = :id").param("id", id).query((rs, n) -> item(rs)).optional();
    }

    private static DashboardItem item(ResultSet rs) throws SQLException {
        return new DashboardItem(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("body"), rs.getString("url"), rs.getInt("position"),
                rs.getObject("published_at", OffsetDateTime.class));
    }
}
