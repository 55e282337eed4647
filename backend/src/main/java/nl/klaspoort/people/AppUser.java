package nl.klaspoort.people;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person who can sign in. Professionals and students share one table and one id space, so the GraphQL {@code User}
 * interface resolves to {@link Professional} or {@link Student} by class.
 */
@Entity
@Table(name = "app_user")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", length = 12)
public abstract class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private Long id;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "name_prefix")
    private String namePrefix;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Version
    private long version;

    protected AppUser() {}

    protected AppUser(String firstName, String namePrefix, String lastName) {
        this.firstName = firstName;
        this.namePrefix = blankToNull(namePrefix);
        this.lastName = lastName;
    }

    public Long getId() { return id; }

    public String getFirstName() { return firstName; }

    public String getNamePrefix() { return namePrefix; }

    public String getLastName() { return lastName; }

    /** First name, prefix and last name, as Dutch names are written: "Jan van der Berg". */
    public String getDisplayName() {
        return namePrefix == null ? firstName + " " + lastName : firstName + " " + namePrefix + " " + lastName;
    }

    public abstract String getUsername();

    public String getPasswordHash() { return passwordHash; }

    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }

    public void rename(String firstName, String namePrefix, String lastName) {
        this.firstName = firstName;
        this.namePrefix = blankToNull(namePrefix);
        this.lastName = lastName;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
