package nl.klaspoort.administration;

import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import klaspoort.peers.mail.CaughtMail;
import klaspoort.peers.mail.MailCatcher;
import nl.klaspoort.access.Role;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.LoginPagePosts;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.TestMail;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Issue 10, item 9: a school admin who adds a professional with an address that belongs to someone of another school
 * gets the same answer as for a new address (no EMAIL_TAKEN), sees only what they typed while it is pending, and the
 * person is mailed an invitation they accept or decline. Everything is read back through the API and the mail catcher.
 */
class ProfessionalInvitationTest extends FreshSchoolTest {

    private static final String CREATE = """
            mutation($input: ProfessionalCreateInput!) { professionalCreate(input: $input) {
              userId activationPending batchId errors { code field }
              user { id roles archived linked products { name } user { id displayName username ... on Professional { email function } } } } }""";
    private static final String OVERVIEW = """
            query($schoolId: ID!) { school(id: $schoolId) { users(first: 100, filter: { kind: PROFESSIONAL }) {
              edges { node { id roles user { displayName username } products { name } } } } } }""";
    private static final String ACCEPT = """
            mutation($input: InvitationAnswerInput!) { invitationAccept(input: $input) {
              accepted school { id name } errors { code field } } }""";
    private static final String DECLINE = """
            mutation($input: InvitationAnswerInput!) { invitationDecline(input: $input) {
              accepted school { id name } errors { code field } } }""";
    private static final String VIEW = "query($token: String!) { invitation(token: $token) { schoolName expired expiresAt } }";
    private static final String MY_SCHOOLS = "{ schools { id } me { memberships { school { id } roles } } }";

    private GraphQlTester.Response create(String first, String last, String email, String function) {
        Map<String, Object> input = new HashMap<>(Map.of("schoolId", school.schoolId(), "firstName", first, "lastName", last,
                "email", email, "roles", List.of("SUPERVISOR"), "productIds", ids(school.leeslab())));
        input.put("function", function);
        return admin.document(CREATE).variable("input", input).execute();
    }

    /** The payload without the ids, names and address, which differ by construction. */
    private static Map<String, Object> shape(GraphQlTester.Response response) {
        Map<String, Object> payload = response.path("professionalCreate").entity(Map.class).get();
        Map<String, Object> user = new HashMap<>((Map<String, Object>) payload.get("user"));
        user.remove("id");
        user.put("user", ((Map<String, Object>) user.get("user")).keySet());
        Map<String, Object> shape = new HashMap<>(payload);
        shape.put("userId", payload.get("userId") == null ? null : "id");
        shape.put("batchId", payload.get("batchId") == null ? null : "batch");
        shape.put("user", user);
        return shape;
    }

    private static String tokenMailedTo(String address, String schoolName) {
        CaughtMail mail = TestMail.catcher().awaitMail(MailCatcher.to(address)
                .and(m -> m.subject().equals(schoolName + " wil u toevoegen in Klaspoort")), Duration.ofSeconds(20));
        String link = mail.links().getFirst();
        assertThat(link).matches("http://localhost:\\d+/uitnodiging#[0-9a-f]{64}");
        return link.substring(link.indexOf('#') + 1);
    }

    private List<Map<String, Object>> overview() {
        return admin.document(OVERVIEW).variable("schoolId", school.schoolId()).execute()
                .path("school.users.edges[*].node").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }

    private static GraphQlTester.Response answer(HttpGraphQlTester who, String document, String token) {
        return who.document(document).variable("input", Map.of("token", token)).execute();
    }

    @Test
    @DisplayName("Issue 10 item 9: adding another school's director is answered like a new address; accepted, the school sees them")
    void anotherSchoolsDirectorIsInvitedAcceptsAndThenShowsWithTheirOwnName() {
        TestSchool other = fixture.school().withAdmin().create();
        long director = other.admin();
        String directorEmail = other.adminEmail();

        GraphQlTester.Response fresh = create("Fenna", "Vers", "fenna.vers." + school.id() + "@test.klaspoort.nl", "IB");
        GraphQlTester.Response invited = create("Dirk", "Dubbel", directorEmail.toUpperCase(), "IB");
        assertThat(errorCodes(invited, "professionalCreate")).isEmpty();
        assertThat(shape(invited)).as("the same answer as for a new address").isEqualTo(shape(fresh));
        String pendingId = invited.path("professionalCreate.userId").entity(String.class).get();
        String freshId = fresh.path("professionalCreate.userId").entity(String.class).get();
        assertThat(Long.parseLong(pendingId)).as("no older account shows through the id")
                .isGreaterThan(Long.parseLong(freshId)).isNotEqualTo(director);
        invited.path("professionalCreate.user.user.displayName").entity(String.class).isEqualTo("Dirk Dubbel")
                .path("professionalCreate.user.user.email").entity(String.class).isEqualTo(directorEmail)
                .path("professionalCreate.user.roles").entityList(String.class).containsExactly("SUPERVISOR")
                .path("professionalCreate.user.products[*].name").entityList(String.class).containsExactly("Leeslab");

        // the overview and the profile show what the admin typed, nothing of the person's own name or other school
        assertThat(overview()).filteredOn(n -> n.get("id").equals(pendingId)).singleElement()
                .satisfies(n -> assertThat(n.toString()).contains("Dirk Dubbel").doesNotContain("Adam"));
        admin.document("query($s: ID!, $id: ID!) { school(id: $s) { user(id: $id) { user { displayName } } } }")
                .variable("s", school.schoolId()).variable("id", pendingId).execute()
                .path("school.user.user.displayName").entity(String.class).isEqualTo("Dirk Dubbel");
        // "select all" leaves the pending row out (no bulk action applies to it until the person accepts)
        admin.document("query($s: ID!) { school(id: $s) { userIds(filter: { kind: PROFESSIONAL }) } }")
                .variable("s", school.schoolId()).execute().path("school.userIds").entityList(String.class)
                .contains(freshId).doesNotContain(pendingId);
        // the school's log reads like a new professional's (PROFESSIONAL_CREATE, the typed name)
        assertThat(auditOf(school, "PROFESSIONAL_CREATE")).extracting(e -> e.get("targetName"))
                .contains("Fenna Vers", "Dirk Dubbel");

        // before accepting, the director can do nothing at school A
        HttpGraphQlTester directorBrowser = Sessions.tester(port, directorEmail);
        directorBrowser.document(MY_SCHOOLS).execute().path("schools[*].id").entityList(String.class)
                .containsExactly(other.schoolId());
        directorBrowser.document(OVERVIEW).variable("schoolId", school.schoolId()).execute().path("school").valueIsNull();
        directorBrowser.document(CREATE).variable("input", Map.of("schoolId", school.schoolId(), "firstName", "Via",
                        "lastName", "Achterdeur", "email", "achterdeur." + school.id() + "@test.klaspoort.nl",
                        "roles", List.of("ADMIN"))).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "NOT_FOUND")));
        assertThat(fixture.roles(school.id(), director)).isEmpty();

        String token = tokenMailedTo(directorEmail, school.name());
        assertThat(jdbc.sql("select count(*) from school_invitation where token_hash = :t").param("t", token)
                .query(Integer.class).single()).as("only the token's hash is stored").isZero();
        // someone else's token, or a made-up one, is refused without telling which
        HttpGraphQlTester stranger = Sessions.tester(port, fixture.email(school.supervisorA()));
        directorBrowser.document(VIEW).variable("token", token).execute()
                .path("invitation.schoolName").entity(String.class).isEqualTo(school.name())
                .path("invitation.expired").entity(Boolean.class).isEqualTo(false);
        stranger.document(VIEW).variable("token", token).execute().path("invitation").valueIsNull();
        answer(stranger, ACCEPT, token).path("invitationAccept.errors[*].code").entityList(String.class)
                .containsExactly("INVITATION_INVALID");
        answer(directorBrowser, ACCEPT, "0".repeat(64)).path("invitationAccept.errors[*].code").entityList(String.class)
                .containsExactly("INVITATION_INVALID");

        answer(directorBrowser, ACCEPT, token).path("invitationAccept.errors").entityList(Object.class).hasSize(0)
                .path("invitationAccept.accepted").entity(Boolean.class).isEqualTo(true)
                .path("invitationAccept.school.id").entity(String.class).isEqualTo(school.schoolId());
        GraphQlTester.Response mine = directorBrowser.document(MY_SCHOOLS).execute();
        mine.path("schools[*].id").entityList(String.class).contains(school.schoolId(), other.schoolId());
        mine.path("me.memberships[?(@.school.id == '" + school.schoolId() + "')].roles[*]").entityList(String.class)
                .containsExactly("SUPERVISOR");
        // the roles take effect: the director reads school A as its supervisor now
        directorBrowser.document("query($s: ID!) { school(id: $s) { myRoles } }").variable("s", school.schoolId()).execute()
                .path("school.myRoles").entityList(String.class).containsExactly("SUPERVISOR");

        // admin A now sees the director under their own id and name, with the chosen role and product
        List<Map<String, Object>> after = overview();
        assertThat(after).noneMatch(n -> n.get("id").equals(pendingId));
        assertThat(after).filteredOn(n -> n.get("id").equals(Long.toString(director))).singleElement()
                .satisfies(n -> assertThat(n.toString()).contains("Adam Admin", "SUPERVISOR", "Leeslab"));
        assertThat(auditOf(school, "INVITATION_ACCEPT")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("actorId", Long.toString(director))
                        .containsEntry("targetName", "Adam Admin"));

        // the link is single-use
        answer(directorBrowser, ACCEPT, token).path("invitationAccept.errors[*].code").entityList(String.class)
                .containsExactly("INVITATION_INVALID");
    }

    @Test
    void declinedTheSchoolsPendingRowGoesAndNothingOfThePersonShows() {
        TestSchool other = fixture.school().withAdmin().withSupervisors(1).create();
        String email = fixture.email(other.supervisorA());
        GraphQlTester.Response invited = create("Ine", "Ib", email, null);
        String pendingId = invited.path("professionalCreate.userId").entity(String.class).get();
        String token = tokenMailedTo(email, school.name());
        HttpGraphQlTester person = Sessions.tester(port, email);

        answer(person, DECLINE, token).path("invitationDecline.errors").entityList(Object.class).hasSize(0)
                .path("invitationDecline.accepted").entity(Boolean.class).isEqualTo(false);
        assertThat(overview()).noneMatch(n -> n.get("id").equals(pendingId));
        assertThat(overview()).noneMatch(n -> n.get("id").equals(Long.toString(other.supervisorA())));
        person.document(MY_SCHOOLS).execute().path("schools[*].id").entityList(String.class).containsExactly(other.schoolId());
        assertThat(auditOf(school, "INVITATION_DECLINE")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("targetName", "Ine Ib").containsEntry("targetId", pendingId));
        answer(person, ACCEPT, token).path("invitationAccept.errors[*].code").entityList(String.class)
                .containsExactly("INVITATION_INVALID");
        // declined, the school may invite again
        assertThat(errorCodes(create("Ine", "Ib", email, null), "professionalCreate")).isEmpty();
    }

    @Test
    void anExpiredInvitationCannotBeAcceptedButCanBeDeclined() {
        TestSchool other = fixture.school().withAdmin().withSupervisors(1).create();
        String email = fixture.email(other.supervisorA());
        create("Eva", "Verlopen", email, null);
        String token = tokenMailedTo(email, school.name());
        // seven days and a minute later (moved in the database: the session's lifetime is shorter than the link's)
        jdbc.sql("update school_invitation set expires_at = now() - interval '1 minute' where user_id = :u")
                .param("u", other.supervisorA()).update();
        HttpGraphQlTester person = Sessions.tester(port, email);
        person.document(VIEW).variable("token", token).execute().path("invitation.expired").entity(Boolean.class).isEqualTo(true);
        answer(person, ACCEPT, token).path("invitationAccept.errors[*].code").entityList(String.class)
                .containsExactly("INVITATION_EXPIRED");
        assertThat(fixture.roles(school.id(), other.supervisorA())).isEmpty();
        person.document(MY_SCHOOLS).execute().path("schools[*].id").entityList(String.class).containsExactly(other.schoolId());
        answer(person, DECLINE, token).path("invitationDecline.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void anAddressOfThisSchoolsOwnMembersOrPendingInvitationsIsStillTaken() {
        TestSchool other = fixture.school().withAdmin().create();
        assertThat(errorCodes(create("Dirk", "Dubbel", other.adminEmail(), null), "professionalCreate")).isEmpty();
        assertThat(errorCodes(create("Dirk", "Dubbel", other.adminEmail(), null), "professionalCreate"))
                .as("already invited here").containsExactly("EMAIL_TAKEN");
        assertThat(errorCodes(create("Bea", "Begeleider", fixture.email(school.supervisorA()), null), "professionalCreate"))
                .as("a member here").containsExactly("EMAIL_TAKEN");
        fixture.archive(school.id(), school.supervisorB());
        assertThat(errorCodes(create("Bram", "Begeleider", fixture.email(school.supervisorB()), null), "professionalCreate"))
                .as("archived here").containsExactly("EMAIL_TAKEN");
        // a refused create mails nobody an invitation; a valid one with a refused field does not invite either
        Map<String, Object> input = new HashMap<>(Map.of("schoolId", school.schoolId(), "firstName", " ", "lastName", "X",
                "email", fixture.email(fixture.professional(other.id(), "Nog", "Iemand", Role.SUPERVISOR)),
                "roles", List.of("SUPERVISOR"), "productIds", List.of()));
        assertThat(errorCodes(admin.document(CREATE).variable("input", input).execute(), "professionalCreate"))
                .containsExactly("INVALID_NAME");
        assertThat(jdbc.sql("select count(*) from school_invitation where school_id = :s").param("s", school.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theAdminSendsTheMailAgainTheSameWayForANewAndAnInvitedProfessional() {
        TestSchool other = fixture.school().withAdmin().withSupervisors(1).create();
        String known = fixture.email(other.supervisorA());
        String fresh = "opnieuw." + school.id() + "@test.klaspoort.nl";
        String invitedId = create("Rik", "Opnieuw", known, null).path("professionalCreate.userId").entity(String.class).get();
        String freshId = create("Roos", "Opnieuw", fresh, null).path("professionalCreate.userId").entity(String.class).get();
        String first = tokenMailedTo(known, school.name());
        CaughtMail activation = TestMail.catcher().awaitMail(MailCatcher.to(fresh), Duration.ofSeconds(20));

        String resend = """
                mutation($input: ProfessionalActivationResendInput!) { professionalActivationResend(input: $input) {
                  userId errors { code } user { id user { displayName } } } }""";
        GraphQlTester.Response invitedAgain = admin.document(resend)
                .variable("input", Map.of("schoolId", school.schoolId(), "userId", invitedId)).execute();
        GraphQlTester.Response freshAgain = admin.document(resend)
                .variable("input", Map.of("schoolId", school.schoolId(), "userId", freshId)).execute();
        invitedAgain.path("professionalActivationResend.errors").entityList(Object.class).hasSize(0)
                .path("professionalActivationResend.user.user.displayName").entity(String.class).isEqualTo("Rik Opnieuw");
        freshAgain.path("professionalActivationResend.errors").entityList(Object.class).hasSize(0)
                .path("professionalActivationResend.user.user.displayName").entity(String.class).isEqualTo("Roos Opnieuw");

        // a new invitation link; the first one no longer works, the new one does
        CaughtMail again = TestMail.catcher().awaitMail(MailCatcher.to(known)
                .and(m -> !m.links().getFirst().endsWith(first)), Duration.ofSeconds(20));
        String second = again.links().getFirst().substring(again.links().getFirst().indexOf('#') + 1);
        HttpGraphQlTester person = Sessions.tester(port, known);
        answer(person, ACCEPT, first).path("invitationAccept.errors[*].code").entityList(String.class)
                .containsExactly("INVITATION_INVALID");
        // and a new activation link for the new professional
        TestMail.catcher().awaitMail(MailCatcher.to(fresh).and(m -> !m.links().getFirst().equals(activation.links().getFirst())),
                Duration.ofSeconds(20));
        answer(person, ACCEPT, second).path("invitationAccept.accepted").entity(Boolean.class).isEqualTo(true);

        // who has signed in already gets nothing; another school's user is not found
        admin.document(resend).variable("input", Map.of("schoolId", school.schoolId(), "userId", Long.toString(school.supervisorA())))
                .execute().path("professionalActivationResend.errors[*].code").entityList(String.class).containsExactly("ALREADY_ACTIVE");
        admin.document(resend).variable("input", Map.of("schoolId", school.schoolId(), "userId", Long.toString(other.admin())))
                .execute().path("professionalActivationResend.errors[*].code").entityList(String.class).containsExactly("NOT_FOUND");
    }

    @Test
    @DisplayName("B4 the admin sees who has not activated yet, a new and an invited professional alike, until they do")
    void activationPendingUntilThePasswordIsChosenOrTheInvitationAccepted() throws Exception {
        TestSchool other = fixture.school().withAdmin().withSupervisors(1).create();
        String known = fixture.email(other.supervisorA());
        String fresh = "activeren." + school.id() + "@test.klaspoort.nl";
        String invitedId = create("Ivo", "Uitgenodigd", known, null).path("professionalCreate.userId").entity(String.class).get();
        String freshId = create("Nina", "Nieuw", fresh, null).path("professionalCreate.userId").entity(String.class).get();
        String student = Long.toString(fixture.student(school, 5));
        String active = Long.toString(school.supervisorA());

        assertThat(pendingActivations(invitedId, freshId, student, active))
                .containsExactly(Map.entry(invitedId, true), Map.entry(freshId, true), Map.entry(student, false),
                        Map.entry(active, false));

        // the new professional chooses a password with the mailed link; the invited one accepts
        CaughtMail activation = TestMail.catcher().awaitMail(MailCatcher.to(fresh), Duration.ofSeconds(20));
        String link = activation.links().getFirst();
        assertThat(LoginPagePosts.post(port, "/account/password",
                Map.of("token", link.substring(link.indexOf('#') + 1), "password", "Klaspoort2026"), "nl").statusCode())
                .isEqualTo(204);
        answer(Sessions.tester(port, known), ACCEPT, tokenMailedTo(known, school.name()))
                .path("invitationAccept.accepted").entity(Boolean.class).isEqualTo(true);

        String accepted = Long.toString(other.supervisorA());
        assertThat(pendingActivations(freshId, accepted)).containsExactly(Map.entry(freshId, false), Map.entry(accepted, false));
    }

    /** {@code SchoolUser.activationPending} of these users at the school, as its admin reads them, in this order. */
    private Map<String, Boolean> pendingActivations(String... ids) {
        Map<String, Boolean> pending = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            pending.put(id, admin.document("query($s: ID!, $id: ID!) { school(id: $s) { user(id: $id) { activationPending } } }")
                    .variable("s", school.schoolId()).variable("id", id).execute()
                    .path("school.user.activationPending").entity(Boolean.class).get());
        }
        return pending;
    }

    private List<Map<String, Object>> auditOf(TestSchool at, String action) {
        return admin.documentName("admin-audit-events").variable("schoolId", at.schoolId()).variable("first", 100)
                        .variable("filter", Map.of("action", action)).execute()
                        .path("school.auditEvents.edges[*].node").entityList(Map.class).get().stream()
                        .map(m -> (Map<String, Object>) m).toList();
    }
}
