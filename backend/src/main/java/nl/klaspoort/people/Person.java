package nl.klaspoort.people;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * GraphQL {@code User}: a person who can sign in, a {@link Professional} or a {@link Student}. Both share one table and
 * one id space, so the interface resolves to its type by class.
 */
public sealed interface Person permits Professional, Student {

    long id();

    String firstName();

    /** Tussenvoegsel, e.g. {@code van der}; null when there is none. */
    String namePrefix();

    String lastName();

    /** The login name: e-mail address of a professional, username of a student. */
    String username();

    /** First name, prefix and last name, as Dutch names are written: "Jan van der Berg". */
    default String displayName() {
        return displayName(firstName(), namePrefix(), lastName());
    }

    static String displayName(String first, String prefix, String last) {
        return prefix == null || prefix.isBlank() ? first + " " + last : first + " " + prefix + " " + last;
    }

    /**
     * The person of an {@code app_user} row; read models select {@code u.*} (or at least the columns read here) and map
     * their rows with this.
     */
    static Person fromRow(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        if ("STUDENT".equals(rs.getString("kind"))) {
            Integer gradeYear = rs.getObject("grade_year", Integer.class);
            return new Student(id, rs.getString("first_name"), rs.getString("name_prefix"), rs.getString("last_name"),
                    rs.getString("username"), rs.getLong("school_id"), gradeYear,
                    Student.jaargroep(gradeYear, rs.getString("grade_code")), rs.getString("group_name"));
        }
        return new Professional(id, rs.getString("first_name"), rs.getString("name_prefix"), rs.getString("last_name"),
                rs.getString("email"), rs.getString("function_title"));
    }
}
