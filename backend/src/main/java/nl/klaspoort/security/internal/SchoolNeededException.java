package nl.klaspoort.security.internal;

import java.util.List;
import org.springframework.security.core.AuthenticationException;

/**
 * The username and password fit pupils' accounts at more than one school: the pupil chooses the school and signs in
 * again with it. {@code schools}: only the schools whose account has this password.
 */
final class SchoolNeededException extends AuthenticationException {

    record School(long id, String name) {}

    private final transient List<School> schools;

    SchoolNeededException(List<School> schools) {
        super("the password fits accounts at several schools");
        this.schools = List.copyOf(schools);
    }

    List<School> schools() {
        return schools;
    }
}
