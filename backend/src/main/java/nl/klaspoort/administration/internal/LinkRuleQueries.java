package nl.klaspoort.administration.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the link rules need to know about products and supervisors, in one statement (read model). */
@Repository
class LinkRuleQueries {

    private final JdbcClient jdbc;

    LinkRuleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code P<id>} for each product that exists, {@code S<id>} for each professional member of the school: true when
     * an active SUPERVISOR there.
     */
    Map<String, Boolean> productsAndSupervisors(long schoolId, Collection<Long> products, Collection<Long> supervisors) {
        Map<String, Boolean> found = new HashMap<>();
        jdbc.sql("""
                        select 'P' || p.id as key, true as ok from product p where p.id = any(:products)
                        union all
                        select 'S' || m.user_id, m.archived_at is null and exists (select 1 from role_grant r
                                    where r.school_id = m.school_id and r.user_id = m.user_id and r.role = 'SUPERVISOR')
                          from school_member m join app_user u on u.id = m.user_id and u.kind = 'PROFESSIONAL'
                         where m.school_id = :school and m.user_id = any(:supervisors)
                        """)
                .param("products", products.toArray(Long[]::new))
                .param("supervisors", supervisors.toArray(Long[]::new))
                .param("school", schoolId)
                .query((rs, n) -> found.put(rs.getString("key"), rs.getBoolean("ok")))
                .list();
        return found;
    }
}
