package nl.klaspoort.people;

/**
 * GraphQL {@code Student}: a leerling of one school; signs in with a generated (editable) username.
 *
 * @param group class group, e.g. {@code 5B}; null when unknown
 */
public record Student(long id, String firstName, String namePrefix, String lastName, String username, long schoolId,
        int gradeYear, String group) implements Person {}
