package nl.klaspoort.results.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * X10: a supervisor's week per product in one statement (the overview's numbers for every product at once), the
 * supervisors to mail, and who turned the mail off ({@code weekly_digest_opt_out}, owned here).
 */
@Repository
class WeeklyDigestQueries {

    /** One pupil's week in one product. */
    record Row(long productId, String productName, long studentId, String firstName, String namePrefix, String lastName,
            int gradeYear, int schoolSeconds, int homeSeconds, Integer untilTest) {}

    /** A supervisor to mail at a school. */
    record Recipient(long schoolId, String schoolName, long userId, String firstName, String email) {}

    private final JdbcClient jdbc;

    WeeklyDigestQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The supervisor's active pupils at the school, per product (by product name, then pupil name), with the week. */
    List<Row> week(long schoolId, long supervisorId, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                        with mine as (
                            select e.product_id, p.name as product_name, u.id, u.first_name, u.name_prefix, u.last_name, u.grade_year
                              from enrollment_supervisor es
                              join enrollment e on e.id = es.enrollment_id and e.school_id = :school
                              join product p on p.id = e.product_id
                              join app_user u on u.id = e.student_id
                              join school_member m on m.school_id = e.school_id and m.user_id = u.id and m.archived_at is null
                             where es.supervisor_id = :supervisor and es.school_id = :school
                        )
                        select st.*, w.school_seconds, w.home_seconds,
                               (select min(t.position) from lesson t where t.product_id = st.product_id and t.ends_with_test
                                   and t.position > coalesce(h.highest, 0)) - coalesce(h.highest, 0) as until_test
                          from mine st
                          left join lateral (select max(ps.lesson_position) as highest from practice_session ps
                                              where ps.school_id = :school and ps.product_id = st.product_id
                                                and ps.student_id = st.id and ps.completed) h on true
                          cross join lateral (
                              select coalesce(sum(extract(epoch from ps.ended_at - ps.started_at)) filter (where ps.location = 'SCHOOL'), 0)::int as school_seconds,
                                     coalesce(sum(extract(epoch from ps.ended_at - ps.started_at)) filter (where ps.location = 'HOME'), 0)::int as home_seconds
                                from practice_session ps
                               where ps.school_id = :school and ps.product_id = st.product_id and ps.student_id = st.id
                                 and ps.started_at >= :from and ps.started_at < :to) w
                         order by lower(st.product_name), st.product_id, lower(st.last_name), lower(st.first_name), st.id
                        """)
                .param("school", schoolId).param("supervisor", supervisorId)
                .param("from", Timestamp.from(from.toInstant())).param("to", Timestamp.from(to.toInstant()))
                .query((rs, n) -> new Row(rs.getLong("product_id"), rs.getString("product_name"), rs.getLong("id"),
                        rs.getString("first_name"), rs.getString("name_prefix"), rs.getString("last_name"),
                        rs.getInt("grade_year"), rs.getInt("school_seconds"), rs.getInt("home_seconds"),
                        (Integer) rs.getObject("until_test")))
                .list();
    }

    /** Active supervisors who follow at least one active pupil and did not turn the digest off. */
    List<Recipient> recipients() {
        return jdbc.sql("""
                        select distinct s.id as school_id, s.name as school_name, u.id as user_id, u.first_name, u.email
                          from role_grant g
                          join school s on s.id = g.school_id
                          join app_user u on u.id = g.user_id
                          join school_member m on m.school_id = g.school_id and m.user_id = g.user_id and m.archived_at is null
                         where g.role = 'SUPERVISOR' and u.email is not null
                           and not exists (select 1 from weekly_digest_opt_out o where o.user_id = u.id)
                           and exists (select 1 from enrollment_supervisor es where es.supervisor_id = u.id and es.school_id = s.id)
                         order by s.id, u.id
                        """)
                .query(Recipient.class).list();
    }

    boolean optedOut(long userId) {
        return jdbc.sql("select exists (select 1 from weekly_digest_opt_out where user_id = :u)").param("u", userId)
                .query(Boolean.class).single();
    }

    void setOptedOut(long userId, boolean optedOut, Instant at) {
        if (optedOut) {
            jdbc.sql("insert into weekly_digest_opt_out (user_id, opted_out_at) values (:u, :at) on conflict do nothing")
                    .param("u", userId).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
        } else {
            jdbc.sql("delete from weekly_digest_opt_out where user_id = :u").param("u", userId).update();
        }
    }
}
