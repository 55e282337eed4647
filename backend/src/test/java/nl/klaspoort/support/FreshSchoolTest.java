package nl.klaspoort.support;

import nl.klaspoort.support.Fixtures.TestSchool;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Base of the administration tests: each test gets a fresh school of its own and a signed-in admin of it. */
@KlaspoortTest
public abstract class FreshSchoolTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Fixtures fixture;

    protected TestSchool school;
    protected HttpGraphQlTester admin;

    @BeforeEach
    void freshSchool() {
        school = fixture.school().withAdmin().withSupervisors(2).create();
        admin = Sessions.tester(port, school.adminEmail());
    }
}
