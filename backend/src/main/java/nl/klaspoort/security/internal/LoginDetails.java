package nl.klaspoort.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What the sign-in form sends besides the name and password: the school the pupil chose ({@code school}, after a
 * {@code SCHOOL_NEEDED} answer), with the client address Tomcat resolved.
 */
final class LoginDetails extends WebAuthenticationDetails {

    private final Long school;

    LoginDetails(HttpServletRequest request) {
        super(request);
        this.school = parse(request.getParameter("school"));
    }

    /** The chosen school, or null when none was sent; an unreadable one is an id no school has. */
    Long school() {
        return school;
    }

    private static Long parse(String school) {
        if (school == null || school.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(school.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
