package nl.klaspoort.results.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one statement that checks reported sessions against enrollments, running contracts, the curriculum, earlier
 * sessions and the school's IP ranges active when each session started (a read model over their owners' tables).
 */
@Repository
class IngestionQueries {

    /** What the database says about one reported session. */
    record Checked(Long schoolId, boolean lessonExists, boolean lessonEndsWithTest, boolean known, boolean atSchool) {}

    private static final String CHECK = """
            select i.idx, e.school_id, l.position is not null as lesson_exists, coalesce(l.ends_with_test, false) as ends_with_test,
                   exists (select 1 from practice_session p where p.product_id = :product and p.external_id = i.session_id) as known,
                   exists (select 1 from school_ip_range_activity a
                            where a.school_id = e.school_id and a.first_address <= i.ip and a.last_address >= i.ip
                              and a.active_from <= i.started_at and (a.active_until is null or a.active_until > i.started_at)) as at_school
              from jsonb_to_recordset(cast(:items as jsonb))
                   as i(idx int, session_id text, student_id bigint, started_at timestamptz, ip inet, lesson_position int)
              left join enrollment e on e.student_id = i.student_id and e.product_id = :product
                    and exists (select 1 from running_contract(:today) c where c.school_id = e.school_id and c.product_id = :product)
                    and exists (select 1 from school_member m
                                 where m.school_id = e.school_id and m.user_id = e.student_id and m.archived_at is null)
              left join lesson l on l.product_id = :product and l.position = i.lesson_position
            """;

    private final JdbcClient jdbc;

    IngestionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code items}: JSON array of {idx, session_id, student_id, started_at, ip, lesson_position}; by idx. */
    Map<Integer, Checked> check(long productId, String items, LocalDate today) {
        Map<Integer, Checked> checked = new HashMap<>();
        jdbc.sql(CHECK)
                .param("items", items).param("product", productId).param("today", today)
                .query((rs, n) -> checked.put(rs.getInt("idx"), new Checked((Long) rs.getObject("school_id", Long.class),
                        rs.getBoolean("lesson_exists"), rs.getBoolean("ends_with_test"), rs.getBoolean("known"),
                        rs.getBoolean("at_school"))))
                .list();
        return checked;
    }
}
