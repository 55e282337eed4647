package nl.klaspoort.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A school location (vestiging), the tenant of all school data. */
@Entity
@Table(name = "school")
public class School {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "school_seq")
    @SequenceGenerator(name = "school_seq", sequenceName = "school_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 4)
    private String brin;

    @Column(name = "branch_code", nullable = false, length = 2)
    private String branchCode;

    @Column(nullable = false)
    private String name;

    @Column(name = "student_login_school_ip_only", nullable = false)
    private boolean studentLoginSchoolIpOnly;

    protected School() {}

    public School(String brin, String branchCode, String name) {
        this.brin = brin;
        this.branchCode = branchCode;
        this.name = name;
    }

    public Long getId() { return id; }

    public String getBrin() { return brin; }

    public String getBranchCode() { return branchCode; }

    public String getName() { return name; }

    public boolean isStudentLoginSchoolIpOnly() { return studentLoginSchoolIpOnly; }
}
