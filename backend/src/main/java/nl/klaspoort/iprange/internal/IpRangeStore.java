package nl.klaspoort.iprange.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code school_ip_range} and {@code school_ip_range_activity}. Times come from the application's clock. */
@Repository
public class IpRangeStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    IpRangeStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Serialises the changes of one school's ranges until the transaction ends. */
    void lockSchool(long schoolId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('school_ip_range', :school))")
                .param("school", schoolId).query().singleRow();
    }

    long add(long schoolId, String type, IpRangeService.Bounds bounds) {
        return jdbc.sql("""
                        insert into school_ip_range (id, school_id, connection_type, notation, first_address, last_address, created_at)
                        values (nextval('school_ip_range_seq'), :school, :type,
                                case :kind when 'CIDR' then host(cast(:first as inet)) || '/' || :prefix
                                           when 'RANGE' then host(cast(:first as inet)) || ' - ' || host(cast(:last as inet))
                                           else host(cast(:first as inet)) end,
                                cast(:first as inet), cast(:last as inet), :now)
                        returning id
                        """)
                .param("school", schoolId).param("type", type).param("kind", bounds.kind())
                .param("prefix", bounds.prefix() == null ? "" : bounds.prefix().toString())
                .param("first", bounds.first().getHostAddress()).param("last", bounds.last().getHostAddress())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    /** Opens or closes the activity period; false when it already was in that state. */
    boolean setActive(long rangeId, boolean active) {
        int changed = jdbc.sql("update school_ip_range set active = :active where id = :id and active <> :active")
                .param("id", rangeId).param("active", active).update();
        if (changed == 0) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (active) {
            jdbc.sql("""
                    insert into school_ip_range_activity (range_id, school_id, first_address, last_address, active_from)
                    select id, school_id, first_address, last_address, :now from school_ip_range where id = :id
                    """).param("id", rangeId).param("now", now).update();
        } else {
            jdbc.sql("update school_ip_range_activity set active_until = :now where range_id = :id and active_until is null")
                    .param("id", rangeId).param("now", now).update();
        }
        return true;
    }

    void remove(long rangeId) {
        jdbc.sql("update school_ip_range set removed_at = :now where id = :id")
                .param("id", rangeId).param("now", Timestamp.from(clock.instant())).update();
    }

    /**
     * A range that has been active since {@code since} (imported or demo data) unless the school has one with this
     * notation; one statement.
     */
    public void addActiveSince(long schoolId, String type, String notation, String first, String last, Instant since) {
        jdbc.sql("""
                with added as (
                    insert into school_ip_range (id, school_id, connection_type, notation, first_address, last_address, active, created_at)
                    select nextval('school_ip_range_seq'), :school, :type, :notation, cast(:first as inet), cast(:last as inet), true, :since
                     where not exists (select 1 from school_ip_range r where r.school_id = :school and r.notation = :notation)
                    returning id, school_id, first_address, last_address, created_at)
                insert into school_ip_range_activity (range_id, school_id, first_address, last_address, active_from)
                select id, school_id, first_address, last_address, created_at from added
                """)
                .param("school", schoolId).param("type", type).param("notation", notation).param("first", first)
                .param("last", last).param("since", Timestamp.from(since))
                .update();
    }
}
