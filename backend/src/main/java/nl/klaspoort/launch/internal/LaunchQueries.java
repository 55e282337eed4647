package nl.klaspoort.launch.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.product.Product;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The products a professional opens from a school (D2): a read model over contracts and product assignments. */
@Repository
class LaunchQueries {

    private final JdbcClient jdbc;

    LaunchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per school: the products with a running contract on {@code today}, all of them at the schools in
     * {@code adminSchools}, those the professional is assigned at the schools in {@code supervisorSchools}; by name.
     * One statement.
     */
    Map<Long, List<Product>> professionalProducts(long userId, Collection<Long> adminSchools,
            Collection<Long> supervisorSchools, LocalDate today) {
        Map<Long, List<Product>> bySchool = new HashMap<>();
        jdbc.sql("""
                        select rc.school_id as k_school, p.*
                          from (select distinct school_id, product_id from running_contract(:today)
                                 where school_id = any(:admin) or school_id = any(:supervisor)) rc
                          join product p on p.id = rc.product_id
                         where rc.school_id = any(:admin)
                            or exists (select 1 from product_assignment pa
                                        where pa.school_id = rc.school_id and pa.supervisor_id = :user and pa.product_id = p.id)
                         order by p.name, p.id
                        """)
                .param("today", today).param("user", userId)
                .param("admin", adminSchools.toArray(Long[]::new)).param("supervisor", supervisorSchools.toArray(Long[]::new))
                .query((rs, n) -> bySchool.computeIfAbsent(rs.getLong("k_school"), k -> new ArrayList<>()).add(Product.fromRow(rs)))
                .list();
        return bySchool;
    }
}
