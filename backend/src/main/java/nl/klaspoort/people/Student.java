package nl.klaspoort.people;

/**
 * GraphQL {@code Student}: a leerling of one school; signs in with a generated (editable) username.
 *
 * @param gradeYear groep 1–8, or null when the jaargroep is another one (see {@code jaargroep})
 * @param jaargroep the jaargroep as the school's records write it: "1"–"8", or another EDEXML value ("0", "S", "11"…)
 * @param group     class group, e.g. {@code 5B}; null when unknown
 */
public record Student(long id, String firstName, String namePrefix, String lastName, String username, long schoolId,
        Integer gradeYear, String jaargroep, String group) implements Person {

    /** The jaargroep of a student row: groep 1–8 from {@code grade_year}, any other from {@code grade_code}. */
    public static String jaargroep(Integer gradeYear, String gradeCode) {
        return gradeYear != null ? gradeYear.toString() : gradeCode;
    }

    /** Groep 1–8 as a number, or null for any other jaargroep (kept as {@code grade_code}). */
    public static Integer gradeYearOf(String jaargroep) {
        return jaargroep != null && jaargroep.length() == 1 && jaargroep.charAt(0) >= '1' && jaargroep.charAt(0) <= '8'
                ? jaargroep.charAt(0) - '0' : null;
    }
}
