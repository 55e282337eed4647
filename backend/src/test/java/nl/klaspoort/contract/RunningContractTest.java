package nl.klaspoort.contract;


import java.time.LocalDate;
import nl.klaspoort.support.Fixtures;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The one running-contract rule, on the Amsterdam date of the application's clock: the dashboard
 * ({@code School.counts.products}) and the product picker ({@code School.products}) agree on the last evening of a
 * contract and after midnight in Amsterdam, when the database's UTC date would still be the old day.
 */
@KlaspoortTest
class RunningContractTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    long school;
    HttpGraphQlTester admin;

    @BeforeEach
    void aSchoolWhoseContractEndsOnTheFirstOfJulySoRunsThroughJune() {
        Fixtures.TestSchool contracted = fixtures.school().named("Contractschool").withAdmin().create();
        school = contracted.id();
        fixtures.contract(school, contracted.leeslab(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1)); // ends on 1 July
        admin = Sessions.tester(port, contracted.adminEmail());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theContractRunsUntilMidnightInAmsterdamForThePickerAndTheDashboardAlike() {
        clock.moveToAmsterdam("2026-06-30T23:30");
        admin.documentName("users").operationName("SchoolPickers").variable("schoolId", school).execute()
                .path("school.products[*].name").entityList(String.class).containsExactly("Leeslab");
        admin.documentName("schools").execute()
                .path("schools[0].counts.products").entity(Integer.class).isEqualTo(1);

        // 00:30 in Amsterdam is still 30 June in UTC: the database's current_date would keep the contract running
        clock.moveToAmsterdam("2026-07-01T00:30");
        admin.documentName("users").operationName("SchoolPickers").variable("schoolId", school).execute()
                .path("school.products").entityList(Object.class).hasSize(0);
        admin.documentName("schools").execute()
                .path("schools[0].counts.products").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aContractStartsAtMidnightInAmsterdam() {
        clock.moveToAmsterdam("2025-12-31T23:59");
        admin.documentName("users").operationName("SchoolPickers").variable("schoolId", school).execute()
                .path("school.products").entityList(Object.class).hasSize(0);
        clock.moveToAmsterdam("2026-01-01T00:01");
        admin.documentName("users").operationName("SchoolPickers").variable("schoolId", school).execute()
                .path("school.products[*].name").entityList(String.class).containsExactly("Leeslab");
    }
}
