package nl.klaspoort.hostedlicence.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.klaspoort.hostedlicence.HostedLicences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads what pupils should have in Basispoort against what it was told, the outbox's due pushes, and the status. */
@Repository
class LicenceQueries {

    /**
     * One difference: {@code grantTo} the Basispoort id that should have the product and has not been told so (null:
     * none), {@code revokeFrom} the one that was told and should not have it any more (null: none).
     */
    record Difference(long schoolId, long userId, long productId, String productCode, Long grantTo, Long revokeFrom) {}

    /** A push of the outbox with the product's name and launch address (for the catalogue in Hosted Lika). */
    record Push(long id, long schoolId, String operation, String productCode, String productName, String launchUrl,
            List<Long> basispoortIds, int attempts) {}

    private final JdbcClient jdbc;

    LicenceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every pupil and product where Basispoort's tile differs from what it should be: a pupil should have a product's
     * tile while enrolled in it, a member of the school (not archived), linked to a Basispoort user id there (still
     * listed by the roster) and the school has a running contract for the product today. One statement for all
     * schools (a read model over enrollment, school_member, basispoort_link and contract).
     */
    List<Difference> differences(LocalDate today) {
        return jdbc.sql("""
                        with desired as (
                            select e.school_id, e.student_id as user_id, e.product_id, l.basispoort_id
                              from enrollment e
                              join school_member m on m.school_id = e.school_id and m.user_id = e.student_id
                                                  and m.archived_at is null
                              join basispoort_link l on l.school_id = e.school_id and l.user_id = e.student_id
                                                    and l.kind = 'STUDENT' and l.left_at is null and l.basispoort_id is not null
                             where exists (select 1 from running_contract(:today) c
                                            where c.school_id = e.school_id and c.product_id = e.product_id))
                        select coalesce(d.school_id, h.school_id) as school_id, coalesce(d.user_id, h.user_id) as user_id,
                               p.id as product_id, p.code, d.basispoort_id as grant_to, h.basispoort_id as revoke_from
                          from desired d
                          full join hosted_licence h on h.school_id = d.school_id and h.user_id = d.user_id
                                                    and h.product_id = d.product_id
                          join product p on p.id = coalesce(d.product_id, h.product_id)
                         where d.basispoort_id is distinct from h.basispoort_id
                        """)
                .param("today", today)
                .query((rs, n) -> new Difference(rs.getLong("school_id"), rs.getLong("user_id"), rs.getLong("product_id"),
                        rs.getString("code"), (Long) rs.getObject("grant_to"), (Long) rs.getObject("revoke_from")))
                .list();
    }

    /** Per school the oldest push not yet sent, when it is due: a school's pushes go out in order. One statement. */
    List<Push> dueHeads(Instant now) {
        return jdbc.sql("""
                        select h.id, h.school_id, h.operation, h.product_code, p.name, p.launch_url, h.basispoort_ids, h.attempts
                          from (select distinct on (school_id) * from hosted_licence_push
                                 where sent_at is null order by school_id, id) h
                          left join product p on p.code = h.product_code
                         where h.next_attempt_at <= :now
                         order by h.id
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Push(rs.getLong("id"), rs.getLong("school_id"), rs.getString("operation"),
                        rs.getString("product_code"), rs.getString("name"), rs.getString("launch_url"),
                        Arrays.asList((Long[]) rs.getArray("basispoort_ids").getArray()), rs.getInt("attempts")))
                .list();
    }

    /** The status of each school's hosted licences; one statement. */
    Map<Long, HostedLicences.Status> status(Collection<Long> schoolIds) {
        return jdbc.sql("""
                        select s.id,
                               (select count(*) from hosted_licence h where h.school_id = s.id) as granted,
                               count(p.id) filter (where p.sent_at is null) as waiting,
                               coalesce(sum(cardinality(p.basispoort_ids)) filter (where p.sent_at is null), 0) as waiting_users,
                               count(p.id) filter (where p.sent_at is null and p.last_error is not null) as failing,
                               (array_agg(p.last_error order by p.id) filter (where p.sent_at is null and p.last_error is not null))[1]
                                   as last_error,
                               min(p.next_attempt_at) filter (where p.sent_at is null) as next_attempt_at,
                               max(p.sent_at) as last_sent_at
                          from school s
                          left join hosted_licence_push p on p.school_id = s.id
                         where s.id in (:schools)
                         group by s.id
                        """)
                .param("schools", List.copyOf(schoolIds))
                .query((rs, n) -> Map.entry(rs.getLong("id"), new HostedLicences.Status(rs.getInt("granted"),
                        rs.getInt("waiting"), rs.getInt("waiting_users"), rs.getInt("failing"), rs.getString("last_error"),
                        instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("last_sent_at")))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static java.time.OffsetDateTime instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
