package nl.klaspoort.contract.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klaspoort.contract.Contracts.Kind;
import nl.klaspoort.contract.Contracts.LicenceUse;
import nl.klaspoort.people.Person;
import nl.klaspoort.people.Student;
import nl.klaspoort.platform.Where;
import nl.klaspoort.product.Product;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code contract} and {@code licence} (with products, students and enrollments: a read model). Seats in use are
 * counted with {@code valid_licence(day)}, the one definition of a valid licence, on the day given by the caller.
 */
@Repository
public class ContractQueries {

    /** A contract page is ordered by product name, start and id; these are its cursor keys. */
    static final String CONTRACT_ORDER = "p.name, c.start_date, c.id";
    /** A licence page is ordered by the student's name; these are its cursor keys. */
    static final String LICENCE_ORDER = "u.search_last, u.search_first, u.id";

    private static final String CONTRACT_COLUMNS = """
            c.id, c.school_id, c.product_id, c.kind, c.name, c.seats, c.start_date, c.end_date, p.name as product_name,
            (select count(*) from valid_licence(:today) v where v.contract_id = c.id) as in_use
            """;

    private final JdbcClient jdbc;

    ContractQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, List<Product>> runningProducts(Collection<Long> schoolIds, LocalDate today) {
        Map<Long, List<Product>> bySchool = new HashMap<>();
        jdbc.sql("""
                        select c.school_id as k_school, p.*
                          from product p
                          join (select distinct school_id, product_id from running_contract(:today)
                                 where school_id in (:schools)) c on c.product_id = p.id
                         order by p.name, p.id
                        """)
                .param("today", today).param("schools", List.copyOf(schoolIds))
                .query((rs, n) -> bySchool.computeIfAbsent(rs.getLong("k_school"), k -> new ArrayList<>()).add(Product.fromRow(rs)))
                .list();
        return bySchool;
    }

    /** A contract row with its sort keys, for cursors. */
    record ContractRow(Contract contract, String productName) {}

    /** A page of the school's contracts matching {@code where}, by product name and start; at most {@code limit}. */
    List<ContractRow> contracts(Where where, int limit, LocalDate today) {
        return jdbc.sql("""
                        select %s
                          from contract c join product p on p.id = c.product_id
                         where %s
                         order by %s
                         limit :limit
                        """.formatted(CONTRACT_COLUMNS, where.sql(), CONTRACT_ORDER))
                .params(where.params()).param("today", today).param("limit", limit)
                .query((rs, n) -> new ContractRow(contract(rs, today), rs.getString("product_name")))
                .list();
    }

    /** One contract, with its seats in use. */
    Optional<Contract> contract(long id, LocalDate today) {
        return jdbc.sql("select %s from contract c join product p on p.id = c.product_id where c.id = :id".formatted(CONTRACT_COLUMNS))
                .param("id", id).param("today", today)
                .query((rs, n) -> contract(rs, today)).optional();
    }

    private static Contract contract(ResultSet rs, LocalDate today) throws SQLException {
        return Contract.of(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("product_id"), Kind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getInt("seats"), rs.getInt("in_use"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), today);
    }

    private static final String LICENCE_COLUMNS = """
            l.id as l_id, l.school_id as l_school, l.contract_id as l_contract, l.start_date as l_start, l.end_date as l_end,
            c.kind as c_kind, c.end_date as c_end, u.*, u.search_last as k_last, u.search_first as k_first
            """;

    /** A licence row with its sort keys, for cursors. */
    record LicenceRow(Licence licence, String last, String first) {}

    /** A page of a contract's licences matching {@code where}, by the students' names; at most {@code limit}. */
    List<LicenceRow> licences(Where where, int limit, LocalDate today) {
        return jdbc.sql("""
                        select %s
                          from licence l join contract c on c.id = l.contract_id join app_user u on u.id = l.user_id
                         where %s
                         order by %s
                         limit :limit
                        """.formatted(LICENCE_COLUMNS, where.sql(), LICENCE_ORDER))
                .params(where.params()).param("limit", limit)
                .query((rs, n) -> new LicenceRow(licence(rs, today), rs.getString("k_last"), rs.getString("k_first")))
                .list();
    }

    /** One licence. */
    Optional<Licence> licence(long id, LocalDate today) {
        return jdbc.sql("""
                        select %s from licence l join contract c on c.id = l.contract_id join app_user u on u.id = l.user_id
                         where l.id = :id
                        """.formatted(LICENCE_COLUMNS))
                .param("id", id).query((rs, n) -> licence(rs, today)).optional();
    }

    private static Licence licence(ResultSet rs, LocalDate today) throws SQLException {
        return Licence.of(rs.getLong("l_id"), rs.getLong("l_school"), rs.getLong("l_contract"), Kind.valueOf(rs.getString("c_kind")),
                (Student) Person.fromRow(rs), rs.getObject("l_start", LocalDate.class), rs.getObject("l_end", LocalDate.class),
                rs.getObject("c_end", LocalDate.class), today);
    }

    /** Seats of a product at a school on a day: over its running contracts, the seats and the valid licences. */
    record ProductSeats(long productId, String productName, int running, int seats, int inUse) {
        int free() {
            return Math.max(0, seats - inUse);
        }
    }

    /**
     * The seats of each product at the school on {@code today} (products without a running contract have
     * {@code running} 0), after locking the school's contracts of those products until the transaction ends, so that
     * two enrollments at once cannot both take the last seat. One statement.
     */
    List<ProductSeats> lockSeats(long schoolId, Collection<Long> productIds, LocalDate today) {
        return jdbc.sql("""
                        with locked as (select id from contract where school_id = :school and product_id = any(:products) for update)
                        select p.id, p.name, count(rc.contract_id) as running, coalesce(sum(k.seats), 0) as seats,
                               coalesce(sum((select count(*) from valid_licence(:today) v where v.contract_id = rc.contract_id)), 0) as in_use
                          from product p
                          cross join (select count(*) from locked) as lock
                          left join running_contract(:today) rc on rc.school_id = :school and rc.product_id = p.id
                          left join contract k on k.id = rc.contract_id
                         where p.id = any(:products)
                         group by p.id, p.name
                        """)
                .param("school", schoolId).param("products", productIds.toArray(Long[]::new)).param("today", today)
                .query((rs, n) -> new ProductSeats(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .list();
    }

    /** Licence use per product with a running contract, per school, by product name; one statement. */
    public Map<Long, List<LicenceUse>> licenceUse(Collection<Long> schoolIds, LocalDate today) {
        Map<Long, List<LicenceUse>> bySchool = new HashMap<>();
        jdbc.sql("""
                        select rc.school_id as k_school, p.*, sum(k.seats) as k_seats,
                               sum((select count(*) from valid_licence(:today) v where v.contract_id = rc.contract_id)) as k_in_use
                          from running_contract(:today) rc
                          join contract k on k.id = rc.contract_id
                          join product p on p.id = rc.product_id
                         where rc.school_id in (:schools)
                         group by rc.school_id, p.id
                         order by p.name, p.id
                        """)
                .param("today", today).param("schools", List.copyOf(schoolIds))
                .query((rs, n) -> bySchool.computeIfAbsent(rs.getLong("k_school"), k -> new ArrayList<>())
                        .add(new LicenceUse(Product.fromRow(rs), rs.getInt("k_seats"), rs.getInt("k_in_use"))))
                .list();
        return bySchool;
    }

    /** The products the user holds a valid licence for at the school on {@code today}, by name; one statement. */
    public List<Product> licensedProducts(long schoolId, long userId, LocalDate today) {
        return jdbc.sql("""
                        select p.* from product p
                         where exists (select 1 from valid_licence(:today) v
                                        where v.school_id = :school and v.user_id = :user and v.product_id = p.id)
                         order by p.name, p.id
                        """)
                .param("today", today).param("school", schoolId).param("user", userId)
                .query((rs, n) -> Product.fromRow(rs)).list();
    }

    /** Whether the user holds a valid licence for the product at the school on {@code today}; one statement. */
    public boolean holdsLicence(long schoolId, long userId, long productId, LocalDate today) {
        return jdbc.sql("""
                        select exists (select 1 from valid_licence(:today) v
                                        where v.school_id = :school and v.user_id = :user and v.product_id = :product)
                        """)
                .param("today", today).param("school", schoolId).param("user", userId).param("product", productId)
                .query(Boolean.class).single();
    }

    /** Contracts due for renewal on {@code today}: running on, no end date, the stored renewal date reached. */
    List<Renewal> dueRenewals(LocalDate today) {
        return jdbc.sql("""
                        select id, school_id, name, start_date, renewal_date from contract
                         where end_date is null and renewal_date <= :today
                         order by id
                        """)
                .param("today", today)
                .query((rs, n) -> new Renewal(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
                .list();
    }

    /** A contract whose stored renewal date has come. */
    record Renewal(long contractId, long schoolId, String name, LocalDate start, LocalDate renewal) {}
}
