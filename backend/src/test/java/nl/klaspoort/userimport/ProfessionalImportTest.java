package nl.klaspoort.userimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.klaspoort.administration.ProfessionalCreated;
import nl.klaspoort.support.PublishedEvents;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * B5 (manual 4.4.1.2): professionals from the template; duplicate and taken e-mail addresses and unknown roles on their
 * cells; confirmed with their roles, supervisors into the archive, an activation for everyone.
 */
class ProfessionalImportTest extends ImportTestBase {

    @Autowired
    PublishedEvents events;

    @Test
    void professionalsGetTheirRolesAndActivationAndSupervisorsWaitInTheArchive() {
        String tag = school.schoolId();
        String id = upload("PROFESSIONALS",
                row("Ilse", null, "de Boer", "Beheerder", "ilse." + tag + "@school.nl"),
                row("Joost", "van", "Dijk", "Begeleider", "joost." + tag + "@school.nl"),
                row("Mila", null, "Kok", "Beheerder en begeleider", "JOOST." + tag + "@school.nl"),
                row("Ravi", null, "Peters", "Conciërge", school.adminEmail()));

        assertThat(problems(rowOf(id, 2))).isEmpty();
        assertThat(problems(rowOf(id, 3))).containsExactly("email:DUPLICATE_EMAIL");
        assertThat(problems(rowOf(id, 4))).containsExactly("email:DUPLICATE_EMAIL");
        assertThat(problems(rowOf(id, 5))).containsExactly("roles:UNKNOWN_ROLE", "email:EMAIL_TAKEN");
        assertThat(rowOf(id, 5).get("problems")).asString()
                .contains("Onbekende rol ‘conciërge’: kies Beheerder, Begeleider of Beheerder en begeleider.")
                .contains("Dit e-mailadres is al in gebruik.");
        // the same review in English
        HttpGraphQlTester english = admin.mutate().header("Accept-Language", "en").build();
        assertThat(view(english, id).path("school.spreadsheetImport.rows.edges[1].node.problems[0].message")
                .entity(String.class).get()).isEqualTo("This e-mail address appears more than once in the list (rows 3, 4)."
                + " Give every colleague an e-mail address of their own.");

        update(id, rowOf(id, 4), Map.of("email", "mila." + tag + "@school.nl"));
        update(id, rowOf(id, 5), Map.of("roles", "Begeleider", "email", "ravi." + tag + "@school.nl"));
        assertThat(counts(importOf(id))).containsEntry("good", 4).containsEntry("withProblems", 0);

        SqlStatementCounter.reset();
        GraphQlTester.Response confirmed = confirm(id);
        confirmed.path("spreadsheetImportConfirm.errors").entityList(Object.class).hasSize(0);
        confirmed.path("spreadsheetImportConfirm.created").entity(Integer.class).isEqualTo(4);
        confirmed.path("spreadsheetImportConfirm.logins").entityList(Object.class).hasSize(0);
        // 16: the 14 of the import, one for the activation mails' outbox (their ProfessionalCreated publications) and
        // one to find the addresses of people of other schools, who are invited instead (issue 10, item 9)
        assertThat(SqlStatementCounter.count()).as("confirming 4 professionals").isLessThanOrEqualTo(16);

        // the admin works at once; supervisors wait in the archive for products and students (manual 4.4.1.2)
        assertThat(members("users")).contains("Ilse de Boer:false:[ADMIN]");
        assertThat(members("archive")).contains("Joost van Dijk:true:[SUPERVISOR]", "Mila Kok:true:[ADMIN, SUPERVISOR]",
                "Ravi Peters:true:[SUPERVISOR]");
        // each chooses a password through the activation e-mail (the mail module listens to ProfessionalCreated)
        List<Long> created = List.of("ilse", "joost", "mila", "ravi").stream()
                .map(name -> fixture.userId(name + "." + tag + "@school.nl")).toList();
        assertThat(jdbc.sql("select count(*) from app_user where id in (:ids) and password_hash is null and activation_token is not null")
                .param("ids", created).query(Integer.class).single()).isEqualTo(4);
        assertThat(events.of(ProfessionalCreated.class)).filteredOn(e -> e.schoolId() == school.id())
                .extracting(ProfessionalCreated::professionalId).containsExactlyInAnyOrderElementsOf(created);

        // the Logboek: one batch, each professional with roles and status in words
        List<Map<String, Object>> logged = admin.documentName("admin-audit-changes").variable("schoolId", school.schoolId())
                .variable("first", 100).variable("filter", Map.of("action", "PROFESSIONALS_IMPORT")).execute()
                .path("school.auditEvents.edges[*].node").entity(LIST).get();
        assertThat(logged).hasSize(4).extracting(e -> e.get("batchId")).containsOnly(logged.getFirst().get("batchId"));
        assertThat(logged.toString()).contains("Beheerder, Begeleider").contains("Gearchiveerd");
    }

    @Test
    void aProfessionalWhoseAddressWasTakenMeanwhileStopsTheWholeImport() {
        String tag = school.schoolId();
        String id = upload("PROFESSIONALS",
                row("Ilse", null, "de Boer", "Beheerder", "ilse.m." + tag + "@school.nl"),
                row("Joost", null, "Dijk", "Begeleider", "joost.m." + tag + "@school.nl"));
        assertThat(counts(importOf(id))).containsEntry("good", 2);
        // another admin creates Joost by hand before this import is confirmed
        fixture.professional(school.id(), "Joost", "Dijk", "joost.m." + tag + "@school.nl");
        String before = fixture.state(school.id());

        confirm(id).path("spreadsheetImportConfirm.errors[0].code").entity(String.class).isEqualTo("IMPORT_HAS_PROBLEMS");
        assertThat(fixture.state(school.id())).isEqualTo(before);
        assertThat(problems(rowOf(id, 3))).containsExactly("email:EMAIL_TAKEN");
    }

    @Test
    void anAddressOfSomeoneOfAnotherSchoolIsAGoodRowAndBecomesAnInvitation() {
        String tag = school.schoolId();
        var other = fixture.school().withAdmin().withSupervisors(1).create();
        String known = fixture.email(other.supervisorA());
        String id = upload("PROFESSIONALS",
                row("Nieuw", null, "Mens", "Begeleider", "nieuw." + tag + "@school.nl"),
                row("Ingrid", null, "Bekend", "Beheerder en begeleider", known.toUpperCase()));
        // the review does not tell that the address is in use elsewhere
        assertThat(problems(rowOf(id, 3))).isEmpty();
        assertThat(counts(importOf(id))).containsEntry("good", 2).containsEntry("withProblems", 0);

        GraphQlTester.Response confirmed = confirm(id);
        confirmed.path("spreadsheetImportConfirm.errors").entityList(Object.class).hasSize(0);
        confirmed.path("spreadsheetImportConfirm.created").entity(Integer.class).isEqualTo(2);
        // both wait in the archive as supervisors, the invited one under the names in the sheet
        assertThat(members("archive")).contains("Nieuw Mens:true:[SUPERVISOR]", "Ingrid Bekend:true:[ADMIN, SUPERVISOR]");
        assertThat(members("archive").toString()).doesNotContain("Bea");
        assertThat(events.of(ProfessionalCreated.class)).filteredOn(e -> e.schoolId() == school.id())
                .extracting(ProfessionalCreated::professionalId).doesNotContain(other.supervisorA());
        List<Map<String, Object>> logged = admin.documentName("admin-audit-changes").variable("schoolId", school.schoolId())
                .variable("first", 100).variable("filter", Map.of("action", "PROFESSIONALS_IMPORT")).execute()
                .path("school.auditEvents.edges[*].node").entity(LIST).get();
        assertThat(logged).extracting(e -> e.get("targetName")).containsExactlyInAnyOrder("Nieuw Mens", "Ingrid Bekend");

        // the person is mailed the invitation and, accepting, becomes a member here with the roles of the sheet
        var mail = nl.klaspoort.support.TestMail.catcher().awaitMail(klaspoort.peers.mail.MailCatcher.to(known),
                java.time.Duration.ofSeconds(20));
        assertThat(mail.subject()).isEqualTo(school.name() + " wil u toevoegen in Klaspoort");
        String link = mail.links().getFirst();
        nl.klaspoort.support.Sessions.tester(port, known)
                .document("mutation($input: InvitationAnswerInput!) { invitationAccept(input: $input) { errors { code } } }")
                .variable("input", Map.of("token", link.substring(link.indexOf('#') + 1))).execute()
                .path("invitationAccept.errors").entityList(Object.class).hasSize(0);
        assertThat(members("archive")).contains("Bea Begeleider:true:[ADMIN, SUPERVISOR]")
                .doesNotContain("Ingrid Bekend:true:[ADMIN, SUPERVISOR]");
    }
}
