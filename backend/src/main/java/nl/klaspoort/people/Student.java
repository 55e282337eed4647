package nl.klaspoort.people;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A leerling of one school; signs in with a generated (editable) username. */
@Entity
@DiscriminatorValue("STUDENT")
public class Student extends AppUser {

    @Column(name = "username")
    private String username;

    @Column(name = "school_id")
    private Long schoolId;

    @Column(name = "grade_year")
    private int gradeYear;

    @Column(name = "group_name")
    private String group;

    protected Student() {}

    public Student(long schoolId, String firstName, String namePrefix, String lastName, String username,
            int gradeYear, String group) {
        super(firstName, namePrefix, lastName);
        this.schoolId = schoolId;
        this.username = username;
        this.gradeYear = gradeYear;
        this.group = blankToNull(group);
    }

    @Override
    public String getUsername() { return username; }

    public Long getSchoolId() { return schoolId; }

    public int getGradeYear() { return gradeYear; }

    public String getGroup() { return group; }
}
