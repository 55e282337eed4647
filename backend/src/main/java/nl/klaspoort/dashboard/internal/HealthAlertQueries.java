package nl.klaspoort.dashboard.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * X9: what is wrong at a school, counted in one statement for any number of schools (a read model over the owners'
 * tables), and the days its admins were mailed ({@code health_alert_mail}, owned here).
 */
@Repository
class HealthAlertQueries {

    enum Code { STUDENTS_WITHOUT_PRODUCT, PROFESSIONALS_WITHOUT_PASSWORD, NO_IP_RANGE }

    /** One alert: at a school, what, how many and (for pupils) in which group. */
    record Row(long schoolId, Code code, String group, int count) {}

    /** An admin to mail. */
    record Admin(long schoolId, long userId, String firstName, String email) {}

    private final JdbcClient jdbc;

    HealthAlertQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every alert of these schools (all schools when null), pupils per group by group, then the rest. */
    List<Row> alerts(Collection<Long> schoolIds) {
        return jdbc.sql("""
                        with schools as (select id from school where :all or id = any(:ids))
                        select m.school_id, 'STUDENTS_WITHOUT_PRODUCT' as code, u.group_name as grp, count(*) as n
                          from school_member m join app_user u on u.id = m.user_id
                         where m.school_id in (select id from schools) and m.archived_at is null and u.kind = 'STUDENT'
                           and not exists (select 1 from enrollment e where e.student_id = u.id and e.school_id = m.school_id)
                         group by m.school_id, u.group_name
                        union all
                        select m.school_id, 'PROFESSIONALS_WITHOUT_PASSWORD', null, count(*)
                          from school_member m join app_user u on u.id = m.user_id
                         where m.school_id in (select id from schools) and m.archived_at is null
                           and u.kind = 'PROFESSIONAL' and u.password_hash is null
                         group by m.school_id
                        union all
                        select s.id, 'NO_IP_RANGE', null, 1
                          from schools s
                         where not exists (select 1 from school_ip_range r
                                            where r.school_id = s.id and r.active and r.removed_at is null)
                         order by 1, 2 desc, 3
                        """)
                .param("all", schoolIds == null)
                .param("ids", schoolIds == null ? new Long[0] : schoolIds.toArray(Long[]::new))
                .query((rs, n) -> new Row(rs.getLong(1), Code.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /** The active admins of these schools. */
    List<Admin> admins(Collection<Long> schoolIds) {
        return jdbc.sql("""
                        select g.school_id, u.id as user_id, u.first_name, u.email
                          from role_grant g join app_user u on u.id = g.user_id
                          join school_member m on m.school_id = g.school_id and m.user_id = g.user_id
                         where g.school_id = any(:ids) and g.role = 'ADMIN' and m.archived_at is null
                           and u.email is not null
                         order by g.school_id, u.id
                        """)
                .param("ids", schoolIds.toArray(Long[]::new)).query(Admin.class).list();
    }

    /** Marks the school's mail of {@code day} as sent; false when it was already (at most one a day). */
    boolean markMailed(long schoolId, LocalDate day, Instant at) {
        return jdbc.sql("""
                        insert into health_alert_mail (school_id, day, sent_at) values (:school, :day, :at)
                        on conflict do nothing
                        """)
                .param("school", schoolId).param("day", day).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update() == 1;
    }
}
