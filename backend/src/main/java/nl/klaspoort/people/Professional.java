package nl.klaspoort.people;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** An onderwijsprofessional; signs in with their e-mail address and holds roles per school. */
@Entity
@DiscriminatorValue("PROFESSIONAL")
public class Professional extends AppUser {

    @Column(name = "email")
    private String email;

    @Column(name = "function_title")
    private String function;

    protected Professional() {}

    public Professional(String firstName, String namePrefix, String lastName, String email, String function) {
        super(firstName, namePrefix, lastName);
        this.email = email.strip().toLowerCase(java.util.Locale.ROOT);
        this.function = blankToNull(function);
    }

    @Override
    public String getUsername() { return email; }

    public String getEmail() { return email; }

    public String getFunction() { return function; }
}
