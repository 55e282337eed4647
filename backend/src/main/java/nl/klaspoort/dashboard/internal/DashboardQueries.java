package nl.klaspoort.dashboard.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dashboard's numbers per school, one statement for any number of schools (a read model over the owners' tables). */
@Repository
class DashboardQueries {

    record SchoolCounts(int activeStudents, int activeProfessionals, int archivedUsers, int products) {}

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code today}: the day the running-contract rule is evaluated on (Amsterdam, from the clock). */
    Map<Long, SchoolCounts> counts(Collection<Long> schoolIds, LocalDate today) {
        return jdbc.sql("""
                        select s.id,
                               count(*) filter (where m.archived_at is null and u.kind = 'STUDENT') as students,
                               count(*) filter (where m.archived_at is null and u.kind = 'PROFESSIONAL') as professionals,
                               count(*) filter (where m.archived_at is not null) as archived,
                               (select count(distinct c.product_id) from running_contract(:today) c
                                 where c.school_id = s.id) as products
                          from school s
                          left join school_member m on m.school_id = s.id
                          left join app_user u on u.id = m.user_id
                         where s.id in (:ids)
                         group by s.id
                        """)
                .param("ids", List.copyOf(schoolIds)).param("today", today)
                .query((rs, n) -> Map.entry(rs.getLong(1),
                        new SchoolCounts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
