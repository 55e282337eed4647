package nl.klaspoort.contract.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.product.Product;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code contract} (with the product, a read model). */
@Repository
public class ContractQueries {

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
}
