package nl.klaspoort.contract.internal;

import java.time.LocalDate;
import java.util.List;
import nl.klaspoort.contract.Contracts.NewContract;
import nl.klaspoort.contract.Contracts.Seat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code contract} and {@code licence}, set-based; days come from the caller (the clock), never the database. */
@Repository
public class ContractStore {

    /** The key of the advisory lock that lets one node at a time apply renewals and endings. */
    public static final long RENEWAL_LOCK = 0x4b6c_6173_0001L;

    private final JdbcClient jdbc;

    ContractStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The contract, renewing on {@code renewal}. */
    public long create(NewContract c, LocalDate renewal) {
        return jdbc.sql("""
                        insert into contract (id, school_id, product_id, kind, name, seats, start_date, renewal_date, end_date)
                        values (nextval('contract_seq'), :school, :product, :kind, :name, :seats, :start, :renewal, :end)
                        returning id
                        """)
                .param("school", c.schoolId()).param("product", c.productId()).param("kind", c.kind().name())
                .param("name", c.name()).param("seats", c.seats()).param("start", c.start())
                .param("renewal", renewal).param("end", c.end())
                .query(Long.class).single();
    }

    /** Sets (or, with null, clears) the contract's end date; whether it changed. */
    boolean setEnd(long contractId, LocalDate end) {
        return jdbc.sql("update contract set end_date = :end where id = :id and end_date is distinct from :end")
                .param("id", contractId).param("end", end).update() > 0;
    }

    /** Sets (or, with null, clears) the licence's end date; whether it changed. */
    boolean setLicenceEnd(long licenceId, LocalDate end) {
        return jdbc.sql("update licence set end_date = :end where id = :id and end_date is distinct from :end")
                .param("id", licenceId).param("end", end).update() > 0;
    }

    /**
     * Gives each (student, product) a licence, starting {@code today}, of a running contract of the product at the
     * school with a free seat: the oldest contracts fill first. One statement for any number of students. The caller
     * has checked (and locked) the seats.
     */
    public void take(long schoolId, List<Seat> seats, LocalDate today) {
        jdbc.sql("""
                        with need as (
                          select t.student, t.product, row_number() over (partition by t.product order by t.student) as n
                            from unnest(:students::bigint[], :products::bigint[]) as t(student, product)),
                        free as (
                          select k.id, k.product_id, k.start_date,
                                 greatest(k.seats - (select count(*) from valid_licence(:today) v where v.contract_id = k.id), 0) as free
                            from running_contract(:today) rc join contract k on k.id = rc.contract_id
                           where rc.school_id = :school and rc.product_id = any(:products)),
                        slots as (
                          select id, product_id,
                                 sum(free) over (partition by product_id order by start_date, id) - free as after_n,
                                 sum(free) over (partition by product_id order by start_date, id) as upto_n
                            from free)
                        insert into licence (id, contract_id, school_id, user_id, start_date)
                        select nextval('licence_seq'), s.id, :school, n.student, :today
                          from need n join slots s on s.product_id = n.product and n.n > s.after_n and n.n <= s.upto_n
                        on conflict (contract_id, user_id) do update set start_date = excluded.start_date, end_date = null
                        """)
                .param("school", schoolId).param("today", today)
                .param("students", seats.stream().map(Seat::studentId).toArray(Long[]::new))
                .param("products", seats.stream().map(Seat::productId).toArray(Long[]::new))
                .update();
    }

    /** Gives back the licences the students hold for the products at the school (their enrollments ended); one statement. */
    public void release(long schoolId, List<Seat> seats) {
        jdbc.sql("""
                        delete from licence l using contract c, unnest(:students::bigint[], :products::bigint[]) as t(student, product)
                         where c.id = l.contract_id and l.school_id = :school and l.user_id = t.student and c.product_id = t.product
                        """)
                .param("school", schoolId)
                .param("students", seats.stream().map(Seat::studentId).toArray(Long[]::new))
                .param("products", seats.stream().map(Seat::productId).toArray(Long[]::new))
                .update();
    }

    /** Takes the renewal lock for this transaction when no other node holds it; whether it got it. */
    boolean tryRenewalLock() {
        return jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", RENEWAL_LOCK).query(Boolean.class).single();
    }

    /** Sets each contract's renewal date, unless another run already moved it; one statement. */
    int renew(List<Long> contractIds, List<LocalDate> from, List<LocalDate> to) {
        return jdbc.sql("""
                        update contract c set renewal_date = t.next
                          from unnest(:ids::bigint[], :from::text[]::date[], :to::text[]::date[]) as t(id, previous, next)
                         where c.id = t.id and c.renewal_date = t.previous and c.end_date is null
                        """)
                .param("ids", contractIds.toArray(Long[]::new))
                .param("from", from.stream().map(LocalDate::toString).toArray(String[]::new))
                .param("to", to.stream().map(LocalDate::toString).toArray(String[]::new))
                .update();
    }

    /** Licences a run stopped, per contract. */
    record Stopped(long contractId, long schoolId, String name, LocalDate end, int licences) {}

    /**
     * Stops the licences of contracts that have ended by {@code today}: each licence without an earlier end gets its
     * contract's end date. Returns per contract how many it stopped; one statement.
     */
    List<Stopped> stopLicencesOfEndedContracts(LocalDate today) {
        return jdbc.sql("""
                        with stopped as (
                          update licence l set end_date = c.end_date
                            from contract c
                           where c.id = l.contract_id and c.end_date <= :today
                             and (l.end_date is null or l.end_date > c.end_date)
                          returning l.contract_id)
                        select c.id, c.school_id, c.name, c.end_date, count(*)
                          from stopped s join contract c on c.id = s.contract_id
                         group by c.id order by c.id
                        """)
                .param("today", today)
                .query((rs, n) -> new Stopped(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getInt(5)))
                .list();
    }
}
