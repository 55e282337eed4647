package nl.klaspoort.contract.internal;

import nl.klaspoort.contract.Contracts.NewContract;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code contract}. */
@Repository
public class ContractStore {

    private final JdbcClient jdbc;

    ContractStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(NewContract c) {
        return jdbc.sql("""
                        insert into contract (id, school_id, product_id, kind, name, seats, start_date, renewal_date, end_date)
                        values (nextval('contract_seq'), :school, :product, :kind, :name, :seats, :start, :renewal, :end)
                        returning id
                        """)
                .param("school", c.schoolId()).param("product", c.productId()).param("kind", c.kind().name())
                .param("name", c.name()).param("seats", c.seats()).param("start", c.start())
                .param("renewal", c.start().plusYears(1)).param("end", c.end())
                .query(Long.class).single();
    }
}
