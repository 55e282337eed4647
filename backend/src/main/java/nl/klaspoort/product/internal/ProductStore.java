package nl.klaspoort.product.internal;

import nl.klaspoort.product.Products.NewProduct;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code product} and {@code lesson}. */
@Repository
public class ProductStore {

    private final JdbcClient jdbc;

    ProductStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The product, then all its lessons in one statement. */
    public long create(NewProduct p) {
        long id = jdbc.sql("""
                        insert into product (id, code, name, description, icon, launch_url, documentation_url, supervisor_url)
                        values (nextval('product_seq'), :code, :name, :description, :icon, :launch, :docs, :supervisors)
                        returning id
                        """)
                .param("code", p.code()).param("name", p.name()).param("description", p.description()).param("icon", p.icon())
                .param("launch", p.launchUrl()).param("docs", p.documentationUrl())
                .param("supervisors", p.supervisorUrl())
                .query(Long.class).single();
        jdbc.sql("""
                        insert into lesson (id, product_id, position, title, ends_with_test)
                        select nextval('lesson_seq'), :product, n, 'Les ' || n, n % :testEvery = 0
                          from generate_series(1, :lessons) as n
                        """)
                .param("product", id).param("testEvery", p.testEvery()).param("lessons", p.lessons())
                .update();
        return id;
    }
}
