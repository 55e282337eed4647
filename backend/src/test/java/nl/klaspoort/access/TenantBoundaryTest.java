package nl.klaspoort.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.EnumTypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import klaspoort.peers.basispoort.BasispoortWorld;
import klaspoort.peers.basispoort.WorldGenerator;
import nl.klaspoort.basispoort.BasispoortConnections;
import nl.klaspoort.support.ApplicationTest;
import nl.klaspoort.support.EdexmlUploads;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.HttpFiles;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SpaDocuments;
import nl.klaspoort.support.Sessions.Session;
import nl.klaspoort.support.TestBasispoort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 10, item 1, for every operation at once: a user never sees or changes another school's data, and a school
 * admin's power ends at their school, also over people who work at other schools too. Driven by the schema and the
 * app's request mappings: every {@code Mutation} field, every field with a {@code schoolId} argument, every field of
 * {@code School} and every endpoint outside GraphQL must have a case here or a reason on {@link #NOT_SCHOOL_SCOPED} or
 * {@link #ENDPOINTS_NOT_SCHOOL_SCOPED}.
 *
 * <p>Two fresh schools, A and B, each with a student, a pupil who signs in, a contract with a licence, an IP range, an
 * open Basispoort run with its changes, three spreadsheet imports and an undoable batch; a teacher who works at both.
 * The callers, all over HTTP with the SPA's own operations where it has them: the admin of A (an outsider at B), a
 * pupil of A, the director (ADMIN at A, only SUPERVISOR at B) and a pupil of B. For each case:
 * <ol>
 * <li>the admin of A naming school B and B's objects gets NOT_FOUND (or null), never B's data;</li>
 * <li>the admin of A naming their own school with B's objects (run, contract, licence, import, people …) gets
 * NOT_FOUND;</li>
 * <li>the pupil of A at school B is refused;</li>
 * <li>the director is refused at B what only an admin (or a supervisor following the student) may do;</li>
 * <li>the pupil of B is refused what only staff may do;</li>
 * <li>nothing changed at A or B, read through the admins' own API ({@code tenant-boundary-state.graphql});</li>
 * <li>the director may do it at A (so the refusals are not a blanket refusal), and B, where A's shared teacher works
 * too, reads the same afterwards.</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Tenant boundary: every school-scoped operation stops at the school")
class TenantBoundaryTest extends ApplicationTest {

    /**
     * Operations that are not school-scoped: they act on the signed-in person's own account, whoever they are. Each
     * has its own test; a school id or another person's id is not among their arguments.
     */
    static final Map<String, String> NOT_SCHOOL_SCOPED = Map.of(
            "Mutation.passwordChange", "own account: changes the signed-in user's password, needs the current one (PasswordChangeTest)",
            "Mutation.myEmailChangeRequest", "own account: needs the current password, mails the new address (OwnEmailChangeTest, CrossSchoolEscalationTest)",
            "Mutation.myEmailChangeConfirm", "own account: takes the token mailed to the new address (OwnEmailChangeTest)",
            "Mutation.weeklyDigestSubscriptionSet", "own account: the signed-in professional's digest mail on or off (WeeklyDigestTest)",
            "Mutation.invitationAccept", "own account: the signed-in professional answers the invitation mailed to them, by its token (ProfessionalInvitationTest)",
            "Mutation.invitationDecline", "own account: the signed-in professional declines the invitation mailed to them, by its token (ProfessionalInvitationTest)");

    /** Endpoints outside GraphQL that are not about one school. */
    static final Map<String, String> ENDPOINTS_NOT_SCHOOL_SCOPED = Map.of(
            "GET /api/spreadsheet-templates/{kind}", "the blank templates, the same for every school",
            "POST /account/password", "own account: the signed-in user's password",
            "POST /account/password-reset", "own account: a reset link's new password",
            "POST /api/practice-sessions", "product clients (bearer token), not school users (PracticeSessionsBulkTest)",
            "GET /support/status", "every product's status, public (SupportContentTest)",
            "GET /support/handleiding.pdf", "the manual, the same for everyone",
            "GET /login/options", "whether the sign-in page offers single sign-on, public, the same for everyone",
            "ANY /error", "the server's error page",
            "POST /connect/{endpoint}/{method}", "the SPA framework's endpoint calls; the app defines none (its API is GraphQL)");

    /** Who at school B may do what the case does; decides which callers must be refused there. */
    enum Level {
        /** ADMIN of the school only: the director (SUPERVISOR at B) and B's pupil are refused. */
        ADMIN,
        /** A supervisor who follows the student (not the director at B), or the admin: as {@link #ADMIN}. */
        FOLLOWER,
        /** ADMIN or SUPERVISOR: the director may at B, B's pupil is refused. */
        STAFF,
        /** Pupils of the school only: the director is refused everywhere; A's pupil is allowed at A. */
        PUPIL,
        /** Every member of the school, pupils too. */
        MEMBER,
        /** Publisher staff or a product client only: every school user is refused (FORBIDDEN), at any school. */
        NOT_FOR_SCHOOLS
    }

    /** One GraphQL request: a named document (test or SPA file) or an inline one, with its variables. */
    record Request(String document, String operation, Map<String, Object> variables, boolean subscription) {}

    /** An operation and how to call it, naming school {@code at} and the objects of school {@code of}. */
    record Case(String field, Level level, boolean namesObjects, String path, BiFunction<Place, Place, Request> request) {}

    /** A school of the test with everything its operations name. */
    record Place(TestSchool school, long student, long archivedStudent, String pupil, long colleague, long contract,
            long licence, String ipRange, long institution, long basispoortPupil, String run, String change,
            String spreadsheetImport, String otherImport, String untouchedImport, int row, String batch) {

        String id() {
            return school.schoolId();
        }

        Place withColleague(long professional) {
            return new Place(school, student, archivedStudent, pupil, professional, contract, licence, ipRange, institution,
                    basispoortPupil, run, change, spreadsheetImport, otherImport, untouchedImport, row, batch);
        }
    }

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
    static final Set<String> REFUSALS = Set.of("NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED");
    /** Codes that say "not found here" in a module's own words: the same answer as for an id that does not exist. */
    static final Set<String> NOT_HERE = Set.of("NOT_A_LOCAL_PUPIL", "NOT_A_BASISPOORT_PUPIL");

    @Autowired
    BasispoortConnections connections;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    TypeDefinitionRegistry schema;
    Place a;
    Place b;
    Session adminA;
    Session adminB;
    Session pupilA;
    Session pupilB;
    Session director;
    String dashboardItem;
    String supportArticle;
    String productClient;
    final List<WebSocketGraphQlTester> sockets = new ArrayList<>();

    @BeforeAll
    void twoSchoolsAndTheirPeople() throws IOException {
        schema = schema();
        a = place("A");
        b = place("B");
        long directorId = fixture.professional(a.school().id(), "Dirk", "Directeur", Role.ADMIN, Role.SUPERVISOR);
        fixture.grant(b.school().id(), directorId, Role.SUPERVISOR);
        fixture.grant(a.school().id(), a.school().admin(), Role.SUPERVISOR); // so that A's admin may ask for results at A
        long sharedTeacher = fixture.professional(a.school().id(), "Gea", "Gedeeld", Role.SUPERVISOR);
        fixture.grant(b.school().id(), sharedTeacher, Role.SUPERVISOR);
        a = a.withColleague(sharedTeacher);
        fixture.enroll(a.school(), a.student(), a.school().rekenen(), directorId);
        fixture.enroll(b.school(), b.student(), b.school().rekenen(), b.school().supervisorA());
        adminA = login(a.school().adminEmail());
        adminB = login(b.school().adminEmail());
        pupilA = login(a.pupil());
        pupilB = login(b.pupil());
        director = login(fixture.email(directorId));
        publishersObjects();
    }

    /** A dashboard item, a FAQ entry and a product client, made by the publisher (the demo's director) as the SPA does. */
    void publishersObjects() {
        Session publisher = login(Sessions.DIRECTOR_BOTH);
        dashboardItem = value(post(publisher, new Request("dashboard", "DashboardItemAdd", Map.of("input", Map.of("kind",
                "ANNOUNCEMENT", "title", "Grensbericht")), false), "dashboardItemCreate"), "item", "id");
        supportArticle = value(post(publisher, new Request("mutation($i: SupportArticlePublishInput!) { supportArticlePublish(input: $i) { article { id } } }",
                null, Map.of("i", Map.of("kind", "FAQ", "title", "Grensvraag?", "body", "Grensantwoord.")), false),
                "supportArticlePublish"), "article", "id");
        productClient = value(post(publisher, new Request("mutation($i: ProductClientRegisterInput!) { productClientRegister(input: $i) { client { clientId } } }",
                null, Map.of("i", Map.of("productId", id(a.school().leeslab()), "name", "Grensproduct")), false),
                "productClientRegister"), "client", "clientId");
    }

    @AfterAll
    void closeSockets() {
        sockets.forEach(socket -> socket.stop().block(Duration.ofSeconds(5)));
    }

    // ---- the cases

    List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // every field of School, through school(id:)
        for (String field : List.of("alerts", "auditEvents", "basispoort", "basispoortLicences", "basispoortMatching",
                "ipRanges", "studentsOnlyAtSchool", "rosterRuns", "openRosterRun", "users", "archive", "userIds")) {
            cases.add(schoolField(field, Level.ADMIN, (at, of) -> Map.of()));
        }
        cases.add(schoolField("rosterRun", Level.ADMIN, (at, of) -> Map.of("id", of.run())));
        cases.add(schoolField("spreadsheetImport", Level.ADMIN, (at, of) -> Map.of("id", of.spreadsheetImport())));
        cases.add(schoolField("user", Level.FOLLOWER, (at, of) -> Map.of("id", id(of.student()))));
        cases.add(schoolField("studentResults", Level.FOLLOWER,
                (at, of) -> Map.of("studentId", id(of.student()), "productId", id(of.school().rekenen()))));
        for (String field : List.of("counts", "licenceUse", "supervisors", "contracts", "groups")) {
            cases.add(schoolField(field, Level.STAFF, (at, of) -> Map.of()));
        }
        cases.add(schoolField("contract", Level.STAFF, (at, of) -> Map.of("id", id(of.contract()))));
        cases.add(schoolField("resultsOverview", Level.STAFF, (at, of) -> Map.of("productId", id(of.school().leeslab()))));
        for (String field : List.of("id", "brin", "branchCode", "name", "myRoles", "myProducts", "products")) {
            cases.add(schoolField(field, Level.MEMBER, (at, of) -> Map.of()));
        }

        // B1–B9, administration (frontend/graphql/admin.graphql), in an order that keeps A's objects usable
        cases.add(spa("Mutation.studentsGradeYearChange", Level.ADMIN, true, "admin", "StudentsGradeYearChange",
                (at, of) -> Map.of("schoolId", at.id(), "studentIds", ids(of.student()), "step", "UP")));
        cases.add(spa("Mutation.studentsLink", Level.ADMIN, true, "admin", "StudentsLink",
                (at, of) -> Map.of("schoolId", at.id(), "studentIds", ids(of.student()),
                        "links", List.of(Map.of("productId", id(of.school().spelling()), "supervisorIds", ids(of.school().supervisorA()))))));
        cases.add(spa("Mutation.studentProductsSet", Level.ADMIN, true, "admin", "StudentProductsSet",
                (at, of) -> Map.of("schoolId", at.id(), "studentId", id(of.student()),
                        "links", List.of(Map.of("productId", id(of.school().leeslab()), "supervisorIds", ids(of.school().supervisorA()))))));
        // this school's student with the other school's people or Basispoort pupil: the mix is refused as a whole
        cases.add(spa("Mutation.studentsLink (another school's supervisor)", Level.ADMIN, true, "admin", "StudentsLink",
                (at, of) -> Map.of("schoolId", at.id(), "studentIds", ids(at.student()),
                        "links", List.of(Map.of("productId", id(of.school().spelling()), "supervisorIds", ids(of.school().supervisorA()))))));
        cases.add(spa("Mutation.studentProductsSet (another school's supervisor)", Level.ADMIN, true, "admin", "StudentProductsSet",
                (at, of) -> Map.of("schoolId", at.id(), "studentId", id(at.student()), "links", List.of(
                        Map.of("productId", id(of.school().leeslab()), "supervisorIds", ids(of.school().supervisorA()))))));
        cases.add(spa("Mutation.studentCreate (another school's supervisor)", Level.ADMIN, true, "admin", "StudentCreate",
                (at, of) -> Map.of("schoolId", at.id(), "firstName", "Nieuw", "lastName", "Kind", "gradeYear", 3,
                        "productIds", ids(of.school().leeslab()), "supervisorIds", ids(of.school().supervisorA()))));
        cases.add(spa("Mutation.basispoortPupilsLink (another school's Basispoort pupil)", Level.ADMIN, true, "identity",
                "BasispoortPupilsLink", (at, of) -> Map.of("schoolId", at.id(), "pairs",
                        List.of(Map.of("localPupilId", id(at.student()), "basispoortPupilId", id(of.basispoortPupil()))))));
        cases.add(spa("Mutation.professionalsLink", Level.ADMIN, true, "admin", "ProfessionalsLink",
                (at, of) -> Map.of("schoolId", at.id(), "userIds", ids(of.colleague()), "roles", List.of("ADMIN"))));
        cases.add(spa("Mutation.rolesRemove", Level.ADMIN, true, "admin", "RolesRemove",
                (at, of) -> Map.of("schoolId", at.id(), "userIds", ids(of.colleague()), "roles", List.of("ADMIN"))));
        cases.add(spa("Mutation.professionalRolesSet", Level.ADMIN, true, "admin", "ProfessionalRolesSet",
                (at, of) -> Map.of("schoolId", at.id(), "userId", id(of.colleague()), "roles", List.of("SUPERVISOR"))));
        cases.add(spa("Mutation.userUpdate", Level.ADMIN, true, "admin", "UserUpdate",
                (at, of) -> Map.of("schoolId", at.id(), "userId", id(of.student()), "firstName", "Indringer", "lastName", "Test",
                        "gradeYear", 2)));
        cases.add(spa("Mutation.userUpdate (a colleague)", Level.ADMIN, true, "admin", "UserUpdate",
                (at, of) -> Map.of("schoolId", at.id(), "userId", id(of.colleague()), "firstName", "Indringer",
                        "lastName", "Test", "email", "indringer." + of.id() + "@test.klaspoort.nl")));
        cases.add(spa("Mutation.studentCredentialsReset", Level.ADMIN, true, "admin", "StudentCredentialsReset",
                (at, of) -> Map.of("schoolId", at.id(), "studentId", id(of.student()), "generatePassword", true)));
        cases.add(new Case("Mutation.professionalActivationResend", Level.ADMIN, true, "professionalActivationResend",
                (at, of) -> new Request("""
                        mutation($input: ProfessionalActivationResendInput!) {
                          professionalActivationResend(input: $input) { userId errors { code } }
                        }""", null, Map.of("input", Map.of("schoolId", at.id(), "userId", id(of.colleague()))), false)));
        cases.add(spa("Mutation.studentCreate", Level.ADMIN, true, "admin", "StudentCreate",
                (at, of) -> Map.of("schoolId", at.id(), "firstName", "Nieuw", "lastName", "Kind", "gradeYear", 3,
                        "productIds", ids(of.school().leeslab()), "supervisorIds", ids(of.school().supervisorA()))));
        cases.add(spa("Mutation.professionalCreate", Level.ADMIN, false, "admin", "ProfessionalCreate",
                (at, of) -> Map.of("schoolId", at.id(), "firstName", "Nieuwe", "lastName", "Collega",
                        "email", "nieuw." + at.id() + "." + System.nanoTime() + "@test.klaspoort.nl", "roles", List.of("SUPERVISOR"))));
        // BP1, BP3, X2, X4: Basispoort connection and roster runs (frontend/graphql/basispoort.graphql)
        cases.add(spa("Mutation.basispoortConnectionCheck", Level.ADMIN, false, "basispoort", "BasispoortConnectionCheck",
                (at, of) -> Map.of("schoolId", at.id())));
        // the publisher activates a school (BP1); its admin only checks the connection
        cases.add(spa("Mutation.basispoortSchoolActivate", Level.NOT_FOR_SCHOOLS, true, "basispoort", "BasispoortSchoolActivate",
                (at, of) -> Map.of("schoolId", at.id(), "basispoortId", id(of.institution()))));
        cases.add(spa("Mutation.basispoortSyncStart", Level.ADMIN, false, "basispoort", "BasispoortSyncStart",
                (at, of) -> Map.of("schoolId", at.id())));
        cases.add(spa("Mutation.rosterChangesDecide", Level.ADMIN, true, "basispoort", "RosterChangesDecide",
                (at, of) -> Map.of("runId", of.run(), "changeIds", List.of(of.change()), "decision", "REJECTED")));
        cases.add(spa("Mutation.rosterRunApply", Level.ADMIN, true, "basispoort", "RosterRunApply",
                (at, of) -> Map.of("runId", of.run())));
        cases.add(spa("Mutation.rosterRunDiscard", Level.ADMIN, true, "basispoort", "RosterRunDiscard",
                (at, of) -> Map.of("runId", of.run())));
        cases.add(subscription("Subscription.rosterProgress", Level.ADMIN, "basispoort", "RosterProgress",
                (at, of) -> Map.of("schoolId", at.id())));

        // BP2: matching (frontend/graphql/identity.graphql)
        cases.add(spa("Mutation.basispoortPupilsLink", Level.ADMIN, true, "identity", "BasispoortPupilsLink",
                (at, of) -> Map.of("schoolId", at.id(), "pairs",
                        List.of(Map.of("localPupilId", id(of.student()), "basispoortPupilId", id(of.basispoortPupil()))))));
        cases.add(spa("Mutation.basispoortPupilsUnlink", Level.ADMIN, true, "identity", "BasispoortPupilsUnlink",
                (at, of) -> Map.of("schoolId", at.id(), "localPupilIds", ids(of.student()))));

        // B10: spreadsheet imports (frontend/graphql/imports.graphql)
        cases.add(spa("Mutation.spreadsheetImportRowUpdate", Level.ADMIN, true, "imports", "SpreadsheetImportRowUpdate",
                (at, of) -> Map.of("schoolId", at.id(), "importId", of.spreadsheetImport(), "rowNumber", of.row(),
                        "firstName", "Indringer", "lastName", "Test", "gradeYear", "4")));
        cases.add(spa("Mutation.spreadsheetImportDiscard", Level.ADMIN, true, "imports", "SpreadsheetImportDiscard",
                (at, of) -> Map.of("schoolId", at.id(), "importId", of.otherImport())));
        cases.add(spa("Mutation.spreadsheetImportConfirm", Level.ADMIN, true, "imports", "SpreadsheetImportConfirm",
                (at, of) -> Map.of("schoolId", at.id(), "importId", of.spreadsheetImport())));
        cases.add(subscription("Subscription.spreadsheetImportProgress", Level.ADMIN, "imports", "SpreadsheetImportProgress",
                (at, of) -> Map.of("schoolId", at.id(), "importId", of.spreadsheetImport())));

        // A2–A4: contracts and licences (frontend/graphql/contracts.graphql)
        cases.add(spa("Mutation.licenceEnd", Level.ADMIN, true, "contracts", "LicenceEndNow",
                (at, of) -> Map.of("licenceId", id(of.licence()))));
        cases.add(spa("Mutation.licenceEndCancel", Level.ADMIN, true, "contracts", "LicenceEndingCancel",
                (at, of) -> Map.of("licenceId", id(of.licence()))));

        cases.add(spa("Mutation.contractEnd", Level.ADMIN, true, "contracts", "ContractEndNow",
                (at, of) -> Map.of("contractId", id(of.contract()))));
        cases.add(spa("Mutation.contractEndCancel", Level.ADMIN, true, "contracts", "ContractEndingCancel",
                (at, of) -> Map.of("contractId", id(of.contract()))));
        // RS7, BP7: IP ranges and the school-only login rule (frontend/graphql/ipranges.graphql)
        cases.add(spa("Mutation.schoolIpRangeAdd", Level.ADMIN, false, "ipranges", "SchoolIpRangeAdd",
                (at, of) -> Map.of("schoolId", at.id(), "connectionType", "FIBER",
                        "from", "10.%d.%d.0".formatted(at.school().id() % 200, 100 + System.nanoTime() % 100), "active", true)));
        cases.add(spa("Mutation.schoolIpRangeActivate", Level.ADMIN, true, "ipranges", "SchoolIpRangeActivate",
                (at, of) -> Map.of("ipRangeId", of.ipRange(), "active", false)));
        cases.add(spa("Mutation.schoolIpRangeRemove", Level.ADMIN, true, "ipranges", "SchoolIpRangeRemove",
                (at, of) -> Map.of("ipRangeId", of.ipRange())));
        cases.add(spa("Mutation.schoolLoginRuleSet", Level.ADMIN, false, "ipranges", "SchoolLoginRuleSet",
                (at, of) -> Map.of("schoolId", at.id(), "studentsOnlyAtSchool", true)));

        // D3 launch, S4 helpdesk, S7 Informatieplein, X10 digest, RS results
        cases.add(spa("Mutation.productLaunch", Level.PUPIL, false, "launch", "ProductLaunchStart",
                (at, of) -> Map.of("schoolId", at.id(), "productId", id(of.school().leeslab()))));
        cases.add(spa("Mutation.supportQuestionSend", Level.STAFF, false, "support", "SupportQuestionSend",
                (at, of) -> Map.of("schoolId", at.id(), "subject", "Grensvraag", "message", "Mag dit?")));
        cases.add(query("Query.informationSquare", Level.STAFF, "support", "InformationSquare", "informationSquare",
                (at, of) -> Map.of("schoolId", at.id())));
        cases.add(query("Query.weeklyDigest", Level.STAFF, "digest", "WeeklyDigest", "weeklyDigest",
                (at, of) -> Map.of("schoolId", at.id())));
        cases.add(subscription("Subscription.resultsChanged", Level.STAFF, "results", "ResultsChanged",
                (at, of) -> Map.of("schoolId", at.id(), "productId", id(of.school().leeslab()))));

        // last, as they archive and undo at A
        cases.add(spa("Mutation.usersArchive", Level.ADMIN, true, "admin", "UsersArchive",
                (at, of) -> Map.of("schoolId", at.id(), "userIds", ids(of.student(), of.colleague()))));
        cases.add(spa("Mutation.usersDearchive", Level.ADMIN, true, "admin", "UsersDearchive",
                (at, of) -> Map.of("schoolId", at.id(), "userIds", ids(of.archivedStudent()))));
        cases.add(spa("Mutation.auditBatchUndo", Level.ADMIN, true, "admin", "AuditBatchUndo",
                (at, of) -> Map.of("batchId", of.batch())));


        // publisher staff and product clients only
        cases.add(outsideSchools("Mutation.dashboardItemCreate", "mutation($i: DashboardItemCreateInput!) { dashboardItemCreate(input: $i) { item { id } } }",
                Map.of("kind", "ANNOUNCEMENT", "title", "Overgenomen")));
        cases.add(outsideSchools("Mutation.dashboardItemUpdate", "mutation($i: DashboardItemUpdateInput!) { dashboardItemUpdate(input: $i) { item { id } } }",
                Map.of("itemId", dashboardItem, "title", "Overgenomen")));
        cases.add(outsideSchools("Mutation.dashboardItemRemove", "mutation($i: DashboardItemRemoveInput!) { dashboardItemRemove(input: $i) { item { id } } }",
                Map.of("itemId", dashboardItem)));
        cases.add(outsideSchools("Mutation.supportArticlePublish", "mutation($i: SupportArticlePublishInput!) { supportArticlePublish(input: $i) { article { id } } }",
                Map.of("kind", "FAQ", "title", "Overgenomen", "body", "Tekst")));
        cases.add(outsideSchools("Mutation.supportArticleRemove", "mutation($i: SupportArticleRemoveInput!) { supportArticleRemove(input: $i) { article { id } } }",
                Map.of("articleId", supportArticle)));
        cases.add(outsideSchools("Mutation.productClientRegister", "mutation($i: ProductClientRegisterInput!) { productClientRegister(input: $i) { client { clientId } } }",
                Map.of("productId", id(a.school().leeslab()), "name", "Overgenomen")));
        for (String field : List.of("productClientDisable", "productClientEnable", "productClientSecretRotate")) {
            String type = "client { clientId }";
            cases.add(outsideSchools("Mutation." + field, "mutation($i: ProductClientInput!) { " + field + "(input: $i) { " + type + " } }",
                    Map.of("clientId", productClient)));
        }
        for (String field : List.of("publisherGrant", "publisherRevoke")) {
            cases.add(outsideSchools("Mutation." + field, "mutation($i: PublisherInput!) { " + field + "(input: $i) { publishers { id } } }",
                    Map.of("userId", id(a.school().admin()))));
        }
        cases.add(outsideSchools("Mutation.practiceSessionsRecord",
                "mutation($i: PracticeSessionsRecordInput!) { practiceSessionsRecord(input: $i) { __typename } }",
                Map.of("sessions", List.of(Map.of("sessionId", "grens-1", "studentId", id(b.student()), "startedAt", "2026-11-30T09:00:00Z",
                        "endedAt", "2026-11-30T09:10:00Z", "clientIp", "10.0.0.1", "lessonPosition", 1, "completed", true)))));
        cases.add(new Case("Query.productResults", Level.NOT_FOR_SCHOOLS, false, "productResults", (at, of) -> new Request(
                "query($s: ID) { productResults(schoolId: $s) { __typename } }", null, Map.of("s", of.id()), false)));
        return cases;
    }

    Case spa(String name, Level level, boolean namesObjects, String file, String operation,
            BiFunction<Place, Place, Map<String, Object>> input) {
        String field = name.replaceFirst("^\\w+\\.", "").replaceFirst(" .*", "");
        return new Case(name, level, namesObjects, field,
                (at, of) -> new Request(file, operation, Map.of("input", input.apply(at, of)), false));
    }

    Case query(String name, Level level, String file, String operation, String field,
            BiFunction<Place, Place, Map<String, Object>> variables) {
        return new Case(name, level, false, field, (at, of) -> new Request(file, operation, variables.apply(at, of), false));
    }

    Case subscription(String name, Level level, String file, String operation,
            BiFunction<Place, Place, Map<String, Object>> variables) {
        return new Case(name, level, name.equals("Subscription.spreadsheetImportProgress"), name.replaceFirst("^\\w+\\.", ""),
                (at, of) -> new Request(file, operation, variables.apply(at, of), true));
    }

    Case outsideSchools(String name, String document, Map<String, Object> input) {
        return new Case(name, Level.NOT_FOR_SCHOOLS, false, name.replaceFirst("^\\w+\\.", ""),
                (at, of) -> new Request(document, null, Map.of("i", input), false));
    }

    /**
     * {@code school(id:) { field(args) }}, selecting only {@code __typename} of an object, so that the field's own
     * resolver decides; objects named by {@code args} come from school {@code of}.
     */
    Case schoolField(String field, Level level, BiFunction<Place, Place, Map<String, Object>> args) {
        FieldDefinition definition = fields("School").stream().filter(f -> f.getName().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("School has no field " + field));
        String typeName = TypeUtil.unwrapAll(definition.getType()).getName();
        boolean leaf = schema.getType(typeName).map(t -> t instanceof ScalarTypeDefinition || t instanceof EnumTypeDefinition)
                .orElse(true);
        boolean namesObjects = args.apply(a, a).keySet().stream().anyMatch(arg -> arg.equals("id") || arg.equals("studentId"));
        return new Case("School." + field, level, namesObjects, "school." + field, (at, of) -> {
            String arguments = args.apply(at, of).entrySet().stream().map(e -> e.getKey() + ": \"" + e.getValue() + "\"")
                    .collect(Collectors.joining(", "));
            return new Request("query($s: ID!) { school(id: $s) { " + field + (arguments.isEmpty() ? "" : "(" + arguments + ")")
                    + (leaf ? "" : " { __typename }") + " } }", null, Map.of("s", at.id()), false);
        });
    }

    // ---- the tests

    @Test
    @Order(1)
    @DisplayName("every Mutation field, every field with a schoolId argument and every School field has a case or a reason")
    void everyOperationIsCovered() {
        Set<String> required = new TreeSet<>();
        for (ObjectTypeDefinition type : schema.getTypes(ObjectTypeDefinition.class)) {
            for (FieldDefinition field : fields(type.getName())) {
                boolean schoolScoped = field.getInputValueDefinitions().stream().anyMatch(arg -> arg.getName().equals("schoolId"));
                if (type.getName().equals("Mutation") || type.getName().equals("School") || schoolScoped) {
                    required.add(type.getName() + "." + field.getName());
                }
            }
        }
        Set<String> covered = cases().stream().map(c -> c.field().replaceFirst(" .*", "")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(covered);
        missing.removeAll(NOT_SCHOOL_SCOPED.keySet());
        assertThat(missing).as("Operations without a tenant-boundary case. For each, add a case to TenantBoundaryTest.cases()"
                + " (spa(...) with the SPA's operation, or schoolField(...) for a School field) with the Level of who at the"
                + " school may use it and the ids of the school's objects it names (see Place); or, only when it acts on the"
                + " signed-in person's own account, an entry with the reason in NOT_SCHOOL_SCOPED").isEmpty();
        Set<String> stale = new TreeSet<>(covered);
        stale.addAll(NOT_SCHOOL_SCOPED.keySet());
        stale.removeAll(required);
        assertThat(stale).as("cases or reasons for fields the schema no longer has").isEmpty();
    }

    @TestFactory
    @Order(2)
    Stream<DynamicNode> everyOperationStopsAtTheSchool() {
        return cases().stream().map(c -> dynamicContainer(c.field(), c.level() == Level.NOT_FOR_SCHOOLS
                ? Stream.of(dynamicTest("school users are refused", () -> refusedToSchoolUsers(c)))
                : Stream.of(dynamicTest("stops at school B", () -> stopsAtSchoolB(c)),
                        dynamicTest("allowed at school A", () -> allowedAtSchoolA(c)))));
    }

    void stopsAtSchoolB(Case c) {
        String before = state(adminA, a) + state(adminB, b);
        assertThat(call(adminA, c, b, b)).as("%s: the admin of A naming school B", c.field()).matches(Outcome::notFound, "NOT_FOUND");
        if (c.namesObjects()) {
            assertThat(call(adminA, c, a, b)).as("%s: the admin of A naming B's objects at A", c.field()).matches(Outcome::notFound, "NOT_FOUND");
        }
        assertThat(call(pupilA, c, b, b)).as("%s: a pupil of A at school B", c.field()).matches(Outcome::refused, "refused");
        if (Set.of(Level.ADMIN, Level.FOLLOWER, Level.PUPIL).contains(c.level())) {
            assertThat(call(director, c, b, b)).as("%s: the director, SUPERVISOR at B", c.field()).matches(Outcome::refused, "refused");
        }
        if (Set.of(Level.ADMIN, Level.FOLLOWER, Level.STAFF).contains(c.level())) {
            assertThat(call(pupilB, c, b, b)).as("%s: a pupil of B", c.field()).matches(Outcome::refused, "refused");
        }
        assertThat(state(adminA, a) + state(adminB, b)).as("schools A and B as their admins read them").isEqualTo(before);
    }

    void allowedAtSchoolA(Case c) {
        if (c.request().apply(a, a).subscription()) {
            return; // refusals come when subscribing; an allowed subscription waits for events, checked in its module's test
        }
        Session caller = c.level() == Level.PUPIL ? pupilA : director;
        String before = state(adminB, b);
        assertThat(call(caller, c, a, a)).as(c.level() == Level.PUPIL ? "a pupil of A" : "the director, ADMIN at A")
                .matches(Outcome::allowed, "allowed");
        assertThat(state(adminB, b)).as("school B, where A's shared teacher works too, as its admin reads it").isEqualTo(before);
    }

    void refusedToSchoolUsers(Case c) {
        String before = state(adminA, a) + state(adminB, b);
        for (Session caller : List.of(adminA, director, pupilA, adminB)) {
            assertThat(call(caller, c, b, b)).matches(Outcome::refused, "refused");
        }
        assertThat(state(adminA, a) + state(adminB, b)).as("schools A and B as their admins read them").isEqualTo(before);
    }

    /**
     * The school-scoped endpoints outside GraphQL (files), with the same callers: another school's admin gets 404, the
     * director (SUPERVISOR at B) and pupils are refused, nothing changes at B, and the director may at A.
     */
    @TestFactory
    @Order(3)
    Stream<DynamicNode> everyFileEndpointStopsAtTheSchool() {
        return fileEndpoints().entrySet().stream().map(endpoint -> dynamicContainer(endpoint.getKey(), Stream.of(
                dynamicTest("stops at school B", () -> {
                    String before = state(adminB, b);
                    assertThat(endpoint.getValue().apply(adminA, b)).as("the admin of A").isEqualTo(404);
                    assertThat(endpoint.getValue().apply(pupilA, b)).as("a pupil of A").isEqualTo(404);
                    assertThat(endpoint.getValue().apply(director, b)).as("the director, SUPERVISOR at B").isIn(403, 404);
                    assertThat(endpoint.getValue().apply(pupilB, b)).as("a pupil of B").isIn(403, 404);
                    assertThat(state(adminB, b)).as("school B as its admin reads it").isEqualTo(before);
                }),
                dynamicTest("allowed at school A", () -> assertThat(endpoint.getValue().apply(director, a))
                        .as("the director, ADMIN at A").isNotIn(401, 403, 404)))));
    }

    /** Each endpoint (method and pattern, as Spring maps it) and how to call it as someone at a school: the status. */
    Map<String, BiFunction<Session, Place, Integer>> fileEndpoints() {
        Map<String, BiFunction<Session, Place, Integer>> endpoints = new LinkedHashMap<>();
        endpoints.put("POST /api/schools/{schoolId}/users.xlsx", (caller, at) -> HttpFiles.as(port, caller)
                .postJson("/api/schools/" + at.id() + "/users.xlsx", "{}").status());
        endpoints.put("POST /api/spreadsheet-imports", (caller, at) -> HttpFiles.as(port, caller)
                .importFile(at.id(), "STUDENTS", HttpFiles.as(port, adminA).get("/api/spreadsheet-templates/students").body()).status());
        endpoints.put("GET /api/spreadsheet-imports/{id}/errors.xlsx", (caller, at) -> HttpFiles.as(port, caller)
                .get("/api/spreadsheet-imports/" + at.untouchedImport() + "/errors.xlsx").status());
        endpoints.put("POST /api/schools/{schoolId}/edexml", (caller, at) -> EdexmlUploads.post(port, caller, at.school().id(),
                EdexmlUploads.ownExport("EDEXML.Voorbeeld.2.1.xml", brin(at)).getBytes(StandardCharsets.UTF_8), "export.xml")
                .statusCode());
        return endpoints;
    }

    @Test
    @Order(1)
    @DisplayName("every endpoint outside GraphQL is a file endpoint with a case or has a reason")
    void everyEndpointIsCovered() {
        Set<String> mapped = new TreeSet<>();
        handlerMapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
            if (info.getMethodsCondition().getMethods().isEmpty()) {
                mapped.add("ANY " + pattern);
            }
            info.getMethodsCondition().getMethods().forEach(method -> mapped.add(method + " " + pattern));
        }));
        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(fileEndpoints().keySet());
        missing.removeAll(ENDPOINTS_NOT_SCHOOL_SCOPED.keySet());
        assertThat(missing).as("Endpoints without a tenant-boundary case. For each, add it to TenantBoundaryTest.fileEndpoints()"
                + " with how to call it at a school, or, when it is not about one school, a reason in ENDPOINTS_NOT_SCHOOL_SCOPED")
                .isEmpty();
    }

    /**
     * A teacher of both schools, at each school, is that school's only: A's admin reads the teacher's pupils and
     * products at A without B's, and the teacher asking at A for results sees A's pupils only, not the B pupil they
     * follow at B (whose results they do see at B).
     */
    @Test
    @Order(4)
    @DisplayName("a teacher of both schools: at each school that school's pupils and products only")
    void aTeacherOfBothSchoolsSeesEachSchoolApart() {
        long teacher = fixture.professional(a.school().id(), "Tess", "Tweescholen", Role.SUPERVISOR);
        fixture.grant(b.school().id(), teacher, Role.SUPERVISOR);
        long pupilOfA = fixture.student(a.school(), 4);
        fixture.enroll(a.school(), pupilOfA, a.school().leeslab(), teacher);
        long pupilOfB = fixture.student(b.school(), 4);
        fixture.enroll(b.school(), pupilOfB, b.school().leeslab(), teacher);
        fixture.assign(b.school().id(), teacher, b.school().rekenen());
        Session shared = login(fixture.email(teacher));

        Outcome profile = post(adminA, new Request("admin", "SchoolUserProfile",
                Map.of("schoolId", a.id(), "userId", id(teacher)), false), "school.user");
        assertThat(idsOf(value(profile, "students"))).as("the teacher's pupils at A").containsExactly(id(pupilOfA));
        assertThat(idsOf(value(profile, "products"))).as("the teacher's products at A").containsExactly(id(a.school().leeslab()));
        Outcome followed = post(adminA, new Request("users", "SchoolUsers", Map.of("schoolId", a.id(), "archived", false,
                "first", 100, "withTotal", false, "filter", Map.of("supervisorId", id(teacher))), false), "school.active.edges");
        assertThat(((List<?>) followed.value()).stream().map(edge -> value(edge, "node", "user", "id")).toList())
                .as("A's users followed by the teacher").containsExactly(id(pupilOfA));

        Outcome overview = post(shared, new Request("results", "ResultsOverview", Map.of("schoolId", a.id(),
                "productId", id(a.school().leeslab()), "first", 100), false), "school.resultsOverview");
        assertThat(overview).as("the teacher's results overview at A").matches(Outcome::allowed, "allowed");
        List<?> overviewAtA = value(overview, "edges");
        assertThat(overviewAtA.stream().map(edge -> value(edge, "node", "studentId")).toList())
                .as("the teacher's results overview at A").containsExactly(id(pupilOfA));
        assertThat(post(shared, new Request("results", "StudentResults", Map.of("schoolId", a.id(), "studentId", id(pupilOfB),
                "productId", id(a.school().leeslab())), false), "school.studentResults"))
                .as("B's pupil's results asked at A").matches(Outcome::refused, "refused");
        assertThat(post(shared, new Request("results", "StudentResults", Map.of("schoolId", b.id(), "studentId", id(pupilOfB),
                "productId", id(b.school().leeslab())), false), "school.studentResults"))
                .as("the same results at B, where the teacher follows the pupil").matches(Outcome::allowed, "allowed");
    }

    static List<Object> idsOf(List<?> objects) {
        return objects.stream().map(o -> ((Map<?, ?>) o).get("id")).map(Object.class::cast).toList();
    }

    // ---- calling and judging

    /** What came back: the errors' classifications and the value at the case's path. */
    record Outcome(String path, List<Map<String, Object>> errors, Object value, String raw) {

        private Stream<String> codes() {
            Stream<String> top = errors.stream().flatMap(e -> e.get("extensions") instanceof Map<?, ?> ext
                    ? Stream.of(ext.get("classification"), ext.get("code")) : Stream.empty()).map(String::valueOf);
            Stream<String> payload = value instanceof Map<?, ?> p && p.get("errors") instanceof List<?> list
                    ? list.stream().map(e -> String.valueOf(((Map<?, ?>) e).get("code"))) : Stream.empty();
            Stream<String> results = value instanceof Map<?, ?> p && p.get("results") instanceof List<?> list
                    ? list.stream().map(r -> ((Map<?, ?>) r).get("error") instanceof Map<?, ?> e ? String.valueOf(e.get("code")) : "OK")
                    : Stream.empty();
            return Stream.of(top, payload, results).flatMap(s -> s);
        }

        /** No value, or (of a School field) an empty list, as {@code alerts} answers other roles. */
        private boolean empty() {
            return value == null || path.startsWith("school.") && value instanceof List<?> list && list.isEmpty();
        }

        /** NOT_FOUND, an error of that kind, or no value: nothing said about the school or object. */
        boolean notFound() {
            List<String> codes = codes().toList();
            return codes.stream().noneMatch(code -> code.equals("FORBIDDEN"))
                    && (codes.stream().anyMatch(code -> code.endsWith("NOT_FOUND") || NOT_HERE.contains(code)) || empty() && !errors.isEmpty()
                    || empty() && path.startsWith("school."));
        }

        boolean refused() {
            return codes().anyMatch(code -> REFUSALS.contains(code) || code.endsWith("NOT_FOUND") || NOT_HERE.contains(code)) || empty();
        }

        boolean allowed() {
            return codes().noneMatch(code -> REFUSALS.contains(code) || code.endsWith("NOT_FOUND")) && value != null;
        }

        @Override
        public String toString() {
            return raw;
        }
    }

    Outcome call(Session caller, Case c, Place at, Place of) {
        Request request = c.request().apply(at, of);
        return request.subscription() ? subscribe(caller, request, c.path()) : post(caller, request, c.path());
    }

    @SuppressWarnings("unchecked")
    Outcome post(Session caller, Request request, String path) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", text(request));
        body.put("operationName", request.operation());
        body.put("variables", request.variables());
        Map<String, Object> response = Sessions.anonymousClient(port).post()
                .header("Cookie", caller.cookieHeader()).header("X-XSRF-TOKEN", caller.csrfToken())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(String.valueOf(response.get("errors"))).as("a request the schema takes")
                .doesNotContain("ValidationError", "InvalidSyntax", "INTERNAL_ERROR");
        Object value = response.get("data");
        for (String step : path.split("\\.")) {
            value = value instanceof Map<?, ?> m ? m.get(step) : null;
        }
        return new Outcome(path, (List<Map<String, Object>>) response.getOrDefault("errors", List.of()), value,
                String.valueOf(response));
    }

    Outcome subscribe(Session caller, Request request, String path) {
        WebSocketGraphQlTester socket = Sessions.socket(port, caller);
        sockets.add(socket);
        WebSocketGraphQlTester.Request<?> subscription = socket.document(text(request)).operationName(request.operation());
        for (Map.Entry<String, Object> variable : request.variables().entrySet()) {
            subscription = subscription.variable(variable.getKey(), variable.getValue());
        }
        try {
            Object first = subscription.executeSubscription().toFlux(path, Object.class).blockFirst(Duration.ofSeconds(10));
            return new Outcome(path, List.of(), first == null ? Map.of() : first, "a value: " + first);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof SubscriptionErrorException)) {
                cause = cause.getCause();
            }
            if (cause instanceof SubscriptionErrorException refused) {
                List<Map<String, Object>> errors = refused.getErrors().stream()
                        .map(error -> Map.<String, Object>of("extensions", Map.of("classification", String.valueOf(error.getErrorType()))))
                        .toList();
                return new Outcome(path, errors, null, refused.getErrors().toString());
            }
            if (String.valueOf(e.getMessage()).contains("Timeout")) {
                return new Outcome(path, List.of(), Map.of(), "subscribed, no event and no error within 10 s");
            }
            throw e;
        }
    }

    /**
     * The request's document: inline, a test document ({@code graphql-test/}), or the SPA's operation of that name from
     * {@code frontend/graphql/} with the fragments it spreads, from whichever file defines them, as the SPA's code
     * generator puts them together.
     */
    String text(Request request) {
        String document = request.document();
        if (document.contains("{")) {
            return document;
        }
        if (request.operation() == null) {
            return read(new ClassPathResource("graphql-test/" + document + ".graphql"));
        }
        return SpaDocuments.operation(request.operation());
    }

    static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The school as its admin reads it: people, contracts, IP ranges, Basispoort, runs, imports, the Logboek. */
    String state(Session admin, Place place) {
        return post(admin, new Request("tenant-boundary-state", null, Map.of("schoolId", place.id(), "contractId",
                id(place.contract()), "runId", place.run(), "importId", place.spreadsheetImport()), false), "school").raw();
    }

    // ---- the two schools

    Place place(String name) {
        TestSchool school = fixture.school().named("Grensschool " + name + " " + System.nanoTime()).withAdmin()
                .withSupervisors(2).withContracts().create();
        long student = fixture.student(school, 5);
        fixture.enroll(school, student, school.leeslab(), school.supervisorA());
        long archived = fixture.students(school, 1, 5, true).getFirst();
        long pupilId = fixture.student(school, 6);
        fixture.enroll(school, pupilId, school.leeslab(), school.supervisorA());
        long contract = fixture.contract(school.id(), school.spelling(), "PER_STUDENT", 10, fixture.today().minusYears(1), null);
        long licence = fixture.licence(contract, fixture.student(school, 7), fixture.today().minusMonths(1), null);

        Session admin = login(school.adminEmail());
        String ipRange = value(post(admin, new Request("ipranges", "SchoolIpRangeAdd", Map.of("input", Map.of("schoolId",
                school.schoolId(), "connectionType", "FIBER", "from", "10.%d.0.0".formatted(school.id() % 200), "to",
                "10.%d.0.255".formatted(school.id() % 200), "active", true)), false), "schoolIpRangeAdd"), "ipRange", "id");

        String brin = jdbc.sql("select brin from school where id = :id").param("id", school.id()).query(String.class).single();
        long institution = TestBasispoort.nextSchoolId();
        TestBasispoort.world().addSchool(institution, new BasispoortWorld.SchoolInfo("Basisschool " + brin, null, null, null,
                null, "Utrecht", brin, "00", null, null), true);
        WorldGenerator.populate(TestBasispoort.world(), institution, 3, brin.toLowerCase() + ".grens.klaspoort.nl", institution);
        connections.activateKnown(school.id(), institution);
        long basispoortPupil = TestBasispoort.world().pupils(institution).getFirst().id();
        String run = value(post(admin, new Request("basispoort", "BasispoortSyncStart", Map.of("input", Map.of("schoolId",
                school.schoolId())), false), "basispoortSyncStart"), "run", "id");
        String change = value(post(admin, new Request("basispoort", "RosterRun", Map.of("schoolId", school.schoolId(), "runId", run,
                "first", 1), false), "school.rosterRun.changes.edges"), 0, "node", "id");

        HttpFiles files = HttpFiles.as(port, Sessions.login(port, school.adminEmail(), Sessions.PROFESSIONAL_PASSWORD));
        String spreadsheetImport = files.importRows(school.schoolId(), "STUDENTS", List.<Object[]>of(
                new Object[] {"Ivo", null, "Import" + name, 3, "3A"}));
        String otherImport = files.importRows(school.schoolId(), "STUDENTS", List.<Object[]>of(
                new Object[] {"Iris", null, "Import" + name, 3, "3A"}));
        String untouchedImport = files.importRows(school.schoolId(), "PROFESSIONALS", List.<Object[]>of(
                new Object[] {"Ilse", null, "Import" + name, "SUPERVISOR", "ilse." + school.id() + "@test.klaspoort.nl"}));
        int row = ((Number) value(post(admin, new Request("imports-view", null, Map.of("schoolId", school.schoolId(), "id",
                spreadsheetImport, "first", 1), false), "school.spreadsheetImport.rows.edges"), 0, "node", "rowNumber")).intValue();

        String batch = value(post(admin, new Request("admin", "StudentsGradeYearChange", Map.of("input", Map.of("schoolId",
                school.schoolId(), "studentIds", ids(student), "step", "DOWN")), false), "studentsGradeYearChange"), "batchId");
        return new Place(school, student, archived, fixture.username(pupilId), school.supervisorB(), contract, licence, ipRange, institution,
                basispoortPupil, run, change, spreadsheetImport, otherImport, untouchedImport, row, batch);
    }

    @SuppressWarnings("unchecked")
    static <T> T value(Object from, Object... steps) {
        Object value = from instanceof Outcome outcome ? outcome.value() : from;
        for (Object step : steps) {
            value = step instanceof Integer index ? ((List<Object>) value).get(index) : ((Map<String, Object>) value).get(step);
            if (value == null) {
                throw new AssertionError("no " + step + " in " + from);
            }
        }
        return (T) value;
    }

    String brin(Place place) {
        return jdbc.sql("select brin from school where id = :id").param("id", place.school().id()).query(String.class).single();
    }

    Session login(String login) {
        return Sessions.login(port, login, login.contains("@") ? Sessions.PROFESSIONAL_PASSWORD : Sessions.STUDENT_PASSWORD);
    }

    List<FieldDefinition> fields(String type) {
        List<FieldDefinition> fields = new ArrayList<>();
        schema.getType(type, ObjectTypeDefinition.class).ifPresent(t -> fields.addAll(t.getFieldDefinitions()));
        schema.objectTypeExtensions().getOrDefault(type, List.of()).forEach(t -> fields.addAll(t.getFieldDefinitions()));
        return fields;
    }

    static TypeDefinitionRegistry schema() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
            text.append(file.getContentAsString(StandardCharsets.UTF_8)).append('\n');
        }
        return new SchemaParser().parse(text.toString());
    }

    static String id(long id) {
        return Long.toString(id);
    }

    static List<String> ids(long... ids) {
        return java.util.Arrays.stream(ids).mapToObj(Long::toString).toList();
    }
}
