package nl.klaspoort.product;

import java.sql.ResultSet;
import java.sql.SQLException;

/** GraphQL {@code Product}: a learning product of the publisher. Cross-school: not tenant data. */
public record Product(long id, String code, String name, String description, String launchUrl, String documentationUrl,
        String icon, String supervisorUrl) {

    /** The product of a {@code product} row; read models select {@code p.*} and map their rows with this. */
    public static Product fromRow(ResultSet rs) throws SQLException {
        return new Product(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("description"),
                rs.getString("launch_url"), rs.getString("documentation_url"), rs.getString("icon"),
                rs.getString("supervisor_url"));
    }
}
