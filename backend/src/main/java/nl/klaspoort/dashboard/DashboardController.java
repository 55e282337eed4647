package nl.klaspoort.dashboard;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.school.School;
import nl.klaspoort.security.AccessRefusedException;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.KlaspoortUser;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;

/** The dashboard's numbers per school ({@code School.counts}), one statement for any number of schools. */
@Controller
class DashboardController {

    record SchoolCounts(int activeStudents, int activeProfessionals, int archivedUsers, int products) {}

    private final JdbcClient jdbc;

    DashboardController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Professionals only: a pupil sees their own school's name, not its numbers. */
    @BatchMapping(typeName = "School", field = "counts")
    Map<School, SchoolCounts> counts(List<School> schools) {
        if (CurrentUser.require().kind() == KlaspoortUser.Kind.STUDENT) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "school counts");
        }
        Map<Long, SchoolCounts> byId = jdbc.sql("""
                        select s.id,
                               count(*) filter (where m.archived_at is null and u.kind = 'STUDENT') as students,
                               count(*) filter (where m.archived_at is null and u.kind = 'PROFESSIONAL') as professionals,
                               count(*) filter (where m.archived_at is not null) as archived,
                               (select count(distinct c.product_id) from contract c
                                 where c.school_id = s.id and c.start_date <= current_date
                                   and (c.end_date is null or c.end_date >= current_date)) as products
                          from school s
                          left join school_member m on m.school_id = s.id
                          left join app_user u on u.id = m.user_id
                         where s.id in (:ids)
                         group by s.id
                        """)
                .param("ids", schools.stream().map(School::getId).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1),
                        new SchoolCounts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return schools.stream().collect(Collectors.toMap(Function.identity(), s -> byId.get(s.getId())));
    }
}
