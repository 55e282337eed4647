package nl.klaspoort.people;

/**
 * GraphQL {@code Professional}: an onderwijsprofessional; signs in with their e-mail address and holds roles per school.
 *
 * @param function job title (functie); null when not given
 */
public record Professional(long id, String firstName, String namePrefix, String lastName, String email, String function)
        implements Person {

    @Override
    public String username() {
        return email;
    }
}
