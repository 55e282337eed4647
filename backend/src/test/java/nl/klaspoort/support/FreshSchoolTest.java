package nl.klaspoort.support;

import nl.klaspoort.support.Fixtures.TestSchool;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Base of the administration tests: each test gets a fresh school of its own (with running contracts for the demo
 * products, so its students can be enrolled) and a signed-in admin of it.
 */
public abstract class FreshSchoolTest extends ApplicationTest {

    protected TestSchool school;
    protected HttpGraphQlTester admin;

    @BeforeEach
    void freshSchool() {
        school = fixture.school().withAdmin().withSupervisors(2).withContracts().create();
        admin = Sessions.tester(port, school.adminEmail());
    }
}
