package nl.klaspoort.audit;

import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.ids;
import static nl.klaspoort.support.GraphQl.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.klaspoort.support.HttpFiles;
import java.time.LocalDate;
import nl.klaspoort.contract.internal.ContractRenewals;
import nl.klaspoort.platform.Amsterdam;
import nl.klaspoort.support.EdexmlUploads;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.TestBasispoort;
import nl.klaspoort.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import nl.klaspoort.support.FreshSchoolTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Every action the audit log can hold, read back through {@code School.auditEvents}: for each value of the GraphQL enum
 * {@code AuditAction} a test runs the mutation that writes it, then reads the school's log filtered on that action and
 * unfiltered ("Alle") without error, and finds the change in words. Every Java audit action is a value of the enum, and
 * every value has its test here.
 */
class AuditActionsTest extends FreshSchoolTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> NODES = new ParameterizedTypeReference<>() {};

    @org.springframework.beans.factory.annotation.Autowired
    ContractRenewals renewals;

    /** action → the mutation that writes it, run against this test's fresh school. */
    private Map<String, Runnable> scenarios() {
        Map<String, Runnable> s = new LinkedHashMap<>();
        s.put("DEMO_DATA_CREATED", () -> { }); // written once by the demo data; read at the demo school
        s.put("PROFESSIONAL_CREATE", () -> ok(run(admin, "admin-professional-create", Map.of("schoolId", school.schoolId(),
                "firstName", "Nina", "lastName", "Nieuw", "email", "nina." + school.id() + "@test.klaspoort.nl",
                "roles", List.of("SUPERVISOR"), "productIds", ids(school.leeslab()))), "professionalCreate"));
        s.put("STUDENT_CREATE", () -> ok(run(admin, "admin-student-create", Map.of("schoolId", school.schoolId(),
                "firstName", "Sam", "lastName", "Start", "gradeYear", 4, "productIds", ids(school.leeslab()),
                "supervisorIds", ids(school.supervisorA()))), "studentCreate"));
        s.put("USERS_ARCHIVE", () -> archive(fixture.student(school, 5)));
        s.put("USERS_DEARCHIVE", () -> {
            long student = linkedStudent();
            archive(student);
            ok(run(admin, "admin-users-dearchive", Map.of("schoolId", school.schoolId(), "userIds", ids(student))), "usersDearchive");
        });
        s.put("USER_UPDATE", () -> {
            long student = fixture.student(school, 5);
            ok(run(admin, "admin-user-update", Map.of("schoolId", school.schoolId(), "userId", Long.toString(student),
                    "firstName", "Fenna", "lastName", "Leerling", "username", "fenna." + student, "gradeYear", 5)), "userUpdate");
        });
        s.put("STUDENT_CREDENTIALS_RESET", () -> ok(run(admin, "admin-student-credentials-reset", Map.of("schoolId", school.schoolId(),
                "studentId", Long.toString(fixture.student(school, 5)), "generatePassword", true)), "studentCredentialsReset"));
        s.put("STUDENTS_GRADE_YEAR_CHANGE", () -> ok(run(admin, "admin-students-grade-year-change", Map.of("schoolId", school.schoolId(),
                "studentIds", ids(fixture.student(school, 5)), "step", "UP")), "studentsGradeYearChange"));
        s.put("STUDENTS_LINK", this::linkedStudent);
        s.put("PROFESSIONALS_LINK", () -> ok(run(admin, "admin-professionals-link", Map.of("schoolId", school.schoolId(),
                "userIds", ids(school.supervisorB()), "productIds", ids(school.spelling()))), "professionalsLink"));
        s.put("ROLES_REMOVE", () -> ok(run(admin, "admin-roles-remove", Map.of("schoolId", school.schoolId(),
                "userIds", ids(school.supervisorB()), "roles", List.of("SUPERVISOR"))), "rolesRemove"));
        s.put("STUDENT_PRODUCTS_SET", () -> ok(run(admin, "admin-student-products-set", Map.of("schoolId", school.schoolId(),
                "studentId", Long.toString(linkedStudent()), "links", List.of(Map.of("productId", Long.toString(school.spelling()),
                        "supervisorIds", ids(school.supervisorA()))))), "studentProductsSet"));
        s.put("PROFESSIONAL_ROLES_SET", () -> ok(run(admin, "admin-professional-roles-set", Map.of("schoolId", school.schoolId(),
                "userId", Long.toString(school.supervisorB()), "roles", List.of("ADMIN", "SUPERVISOR"))), "professionalRolesSet"));
        s.put("AUDIT_BATCH_UNDO", () -> {
            String batch = archive(fixture.student(school, 6));
            ok(run(admin, "admin-audit-batch-undo", Map.of("batchId", batch)), "auditBatchUndo");
        });
        s.put("BASISPOORT_SCHOOL_ACTIVATE", () -> basispoort().documentName("basispoort")
                .operationName("BasispoortSchoolActivate").variable("input", Map.of("schoolId", school.schoolId())).execute()
                .path("basispoortSchoolActivate.connection.activated").entity(Boolean.class).isEqualTo(true));
        s.put("BASISPOORT_SYNC", () -> {
            basispoort();
            connections.activateKnown(school.id(), institution);
            syncAndApply();
        });
        s.put("LOGIN_EMAIL_REACTIVATION", () -> { // BP5: a second sync gives a teacher a new address
            basispoort();
            connections.activateKnown(school.id(), institution);
            syncAndApply();
            var teacher = TestBasispoort.world().staff(institution).getFirst();
            String newEmail = "nieuw." + teacher.emailadres();
            TestBasispoort.world().changeStaff(institution, new klaspoort.peers.basispoort.Api.Medewerker(teacher.id(),
                    teacher.eckid(), teacher.lasKey(), teacher.persoonsgegevens(), newEmail, null, teacher.rollen(),
                    teacher.groepen(), teacher.subgroepen()));
            syncAndApply();
            // the activation follows the apply's commit: its mail is there once the audit event is
            TestMail.catcher().awaitMail(klaspoort.peers.mail.MailCatcher.to(newEmail), java.time.Duration.ofSeconds(20));
        });
        s.put("EDEXML_IMPORT", () -> {
            String brin = jdbc.sql("select brin from school where id = :id").param("id", school.id()).query(String.class).single();
            var response = EdexmlUploads.post(port, Sessions.login(port, school.adminEmail(), Sessions.PROFESSIONAL_PASSWORD),
                    school.id(), EdexmlUploads.ownExport("EDEXML.Voorbeeld.2.1.xml", brin).getBytes(StandardCharsets.UTF_8), "v.xml");
            String runId = response.body().replaceAll(".*\"runId\":\"(\\d+)\".*", "$1");
            admin.documentName("basispoort").operationName("RosterRunApply").variable("input", Map.of("runId", runId))
                    .execute().path("rosterRunApply.run.status").entity(String.class).isEqualTo("APPLIED");
        });
        s.put("BASISPOORT_PUPILS_LINK", this::linkToBasispoort);
        s.put("BASISPOORT_PUPILS_UNLINK", () -> {
            long pupil = linkToBasispoort();
            admin.documentName("identity").operationName("BasispoortPupilsUnlink").variable("input", Map.of(
                            "schoolId", school.schoolId(), "localPupilIds", List.of(Long.toString(pupil)))).execute()
                    .path("basispoortPupilsUnlink.changed").entity(Integer.class).isEqualTo(1);
        });
        s.put("STUDENTS_IMPORT", () -> importAndConfirm("STUDENTS", new Object[] {"Ivo", null, "Import", 3, "3A"}));
        s.put("PROFESSIONALS_IMPORT", () -> importAndConfirm("PROFESSIONALS",
                new Object[] {"Pim", null, "Import", "Begeleider", "pim." + school.id() + "@test.klaspoort.nl"}));
        s.put("IP_RANGE_ADDED", () -> ipRange(false));
        s.put("IP_RANGE_ACTIVATED", () -> activate(ipRange(false), true));
        s.put("IP_RANGE_DEACTIVATED", () -> activate(ipRange(true), false));
        s.put("IP_RANGE_REMOVED", () -> admin.documentName("results-ip-range-remove")
                .variable("input", Map.of("ipRangeId", ipRange(true))).execute()
                .path("schoolIpRangeRemove.errors").entityList(Object.class).hasSize(0));
        s.put("CONTRACT_END", () -> contractMutation("ContractEnd", "contractEnd", "contractId", contract(null)));
        s.put("CONTRACT_END_CANCEL", () -> {
            String contract = contract(null);
            contractMutation("ContractEnd", "contractEnd", "contractId", contract);
            contractMutation("ContractEndCancel", "contractEndCancel", "contractId", contract);
        });
        s.put("LICENCE_END", () -> contractMutation("LicenceEnd", "licenceEnd", "licenceId", licence()));
        s.put("LICENCE_END_CANCEL", () -> {
            String licence = licence();
            contractMutation("LicenceEnd", "licenceEnd", "licenceId", licence);
            contractMutation("LicenceEndCancel", "licenceEndCancel", "licenceId", licence);
        });
        s.put("CONTRACT_RENEWED", () -> { // stored renewal yesterday: the job renews it
            contract(LocalDate.now(Amsterdam.ZONE).minusYears(1).minusDays(1));
            renewals.run();
        });
        s.put("CONTRACT_LICENCES_STOPPED", () -> { // ended today: the job stops its licence
            long ended = fixture.contract(school.id(), school.rekenen(), "SCHOOL_WIDE", 5,
                    LocalDate.now(Amsterdam.ZONE).minusYears(1), LocalDate.now(Amsterdam.ZONE));
            fixture.licence(ended, fixture.student(school, 5), LocalDate.now(Amsterdam.ZONE).minusMonths(1), null);
            renewals.run();
        });
        s.put("STUDENT_LOGIN_SCHOOL_ONLY_SET", () -> admin.documentName("login-rule").operationName("SchoolLoginRuleSet")
                .variable("input", Map.of("schoolId", school.schoolId(), "studentsOnlyAtSchool", true)).execute()
                .path("schoolLoginRuleSet.errors").entityList(Object.class).hasSize(0));
        return s;
    }

    /** 'Nu synchroniseren' and apply the run, as the school's admin. */
    private void syncAndApply() {
        String runId = admin.documentName("basispoort").operationName("BasispoortSyncStart")
                .variable("input", Map.of("schoolId", school.schoolId())).execute()
                .path("basispoortSyncStart.run.id").entity(String.class).get();
        admin.documentName("basispoort").operationName("RosterRunApply").variable("input", Map.of("runId", runId))
                .execute().path("rosterRunApply.run.status").entity(String.class).isEqualTo("APPLIED");
    }

    /** BP2: a pupil of the school linked by hand to a pupil of its institution in Basispoort; the pupil's id. */
    private long linkToBasispoort() {
        basispoort();
        connections.activateKnown(school.id(), institution);
        long pupil = fixture.student(school, 5);
        long basispoortPupil = TestBasispoort.world().pupils(institution).getFirst().id();
        admin.documentName("identity").operationName("BasispoortPupilsLink").variable("input", Map.of("schoolId", school.schoolId(),
                        "pairs", List.of(Map.of("localPupilId", Long.toString(pupil), "basispoortPupilId", Long.toString(basispoortPupil)))))
                .execute().path("basispoortPupilsLink.changed").entity(Integer.class).isEqualTo(1);
        return pupil;
    }

    /** A spreadsheet import of one row, uploaded as a file and confirmed. */
    private void importAndConfirm(String kind, Object[] row) {
        String importId = HttpFiles.as(port, Sessions.login(port, school.adminEmail(), Sessions.PROFESSIONAL_PASSWORD))
                .importRows(school.schoolId(), kind, List.<Object[]>of(row));
        admin.documentName("imports-confirm").variable("input", Map.of("schoolId", school.schoolId(), "importId", importId))
                .execute().path("spreadsheetImportConfirm.errors").entityList(Object.class).hasSize(0);
    }

    /** A running contract of the school (since {@code start}, default half a year ago); its id. */
    private String contract(LocalDate start) {
        LocalDate since = start == null ? LocalDate.now(Amsterdam.ZONE).minusMonths(6) : start;
        return Long.toString(fixture.contract(school.id(), school.spelling(), "SCHOOL_WIDE", 10, since, null));
    }

    /** A pupil's licence of a running school-wide contract of the school; its id. */
    private String licence() {
        long contract = Long.parseLong(contract(null));
        return Long.toString(fixture.licence(contract, fixture.student(school, 5), LocalDate.now(Amsterdam.ZONE).minusMonths(1), null));
    }

    private void contractMutation(String operation, String field, String input, String id) {
        admin.documentName("contracts").operationName(operation).variable("input", Map.of(input, id)).execute()
                .path(field + ".errors").entityList(Object.class).hasSize(0);
    }

    @Autowired
    nl.klaspoort.basispoort.BasispoortConnections connections;
    private long institution;

    /**
     * The school's institution in the simulator (consent, a small roster); returns the publisher's session, who may
     * activate it.
     */
    private HttpGraphQlTester basispoort() {
        String brin = jdbc.sql("select brin from school where id = :id").param("id", school.id()).query(String.class).single();
        institution = TestBasispoort.nextSchoolId();
        TestBasispoort.world().addSchool(institution, new klaspoort.peers.basispoort.BasispoortWorld.SchoolInfo(
                "Basisschool " + brin, null, null, null, null, "Utrecht", brin, "00", null, null), true);
        klaspoort.peers.basispoort.WorldGenerator.populate(TestBasispoort.world(), institution, 3,
                brin.toLowerCase() + ".audit.klaspoort.nl", institution);
        return Sessions.tester(port, Sessions.DIRECTOR_BOTH);
    }

    /** What the Logboek shows for some actions: field, before and after in words. */
    private Map<String, Consumer<List<Map<String, Object>>>> words() {
        Map<String, Consumer<List<Map<String, Object>>>> words = new LinkedHashMap<>(Map.of(
                "USERS_ARCHIVE", changes -> assertThat(changes).contains(change("archived", "Status", "Actief", "Gearchiveerd")),
                "STUDENTS_LINK", changes -> assertThat(changes).contains(change("enrollments", "Koppelingen", null,
                        "Leeslab (Bea Begeleider)")),
                "PROFESSIONALS_LINK", changes -> assertThat(changes).contains(change("products", "Producten", null, "Spellingster")),
                "ROLES_REMOVE", changes -> assertThat(changes).contains(change("roles", "Rollen", "Begeleider", null)),
                "STUDENTS_GRADE_YEAR_CHANGE", changes -> assertThat(changes).contains(change("gradeYear", "Leerjaar", "Groep 5", "Groep 6")),
                "STUDENTS_IMPORT", changes -> assertThat(changes).contains(change("gradeYear", "Leerjaar", null, "Groep 3"),
                        change("archived", "Status", null, "Gearchiveerd")),
                "USER_UPDATE", changes -> assertThat(changes).contains(change("firstName", "Voornaam", "Test", "Fenna")),
                "STUDENT_CREDENTIALS_RESET", changes -> assertThat(changes).contains(change("passwordChanged", "Wachtwoord", null, "Gewijzigd")),
                "IP_RANGE_ACTIVATED", changes -> assertThat(changes).contains(change("active", "Gebruikt voor schoolresultaten",
                        "Niet actief", "Actief"))));
        words.put("BASISPOORT_SCHOOL_ACTIVATE", changes -> assertThat(changes).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("label", "Basispoort-nummer").containsEntry("before", null)));
        words.put("BASISPOORT_SYNC", changes -> assertThat(changes).contains(change("archived", "Status", null, "Actief")));
        words.put("BASISPOORT_PUPILS_LINK", changes -> assertThat(changes).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("label", "Basispoort-nummer").containsEntry("before", null).doesNotContainEntry("after", null)));
        words.put("BASISPOORT_PUPILS_UNLINK", changes -> assertThat(changes).anySatisfy(c -> assertThat(c)
                .containsEntry("label", "Basispoort-nummer").containsEntry("after", null).doesNotContainEntry("before", null)));
        words.put("CONTRACT_END", changes -> assertThat(changes).extracting(c -> c.get("label")).contains("Einddatum", "Verlengingsdatum"));
        words.put("LICENCE_END", changes -> assertThat(changes).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("label", "Einde licentie").containsEntry("before", null)
                .containsEntry("after", LocalDate.now(Amsterdam.ZONE).toString())));
        words.put("CONTRACT_LICENCES_STOPPED", changes -> assertThat(changes)
                .contains(change("licencesInUse", "Licenties in gebruik", "1", "0")));
        return words;
    }

    @TestFactory
    Stream<DynamicTest> everyAuditActionReadsBackThroughTheApi() throws IOException {
        Map<String, Runnable> scenarios = scenarios();
        assertThat(scenarios.keySet()).as("a test for every value of AuditAction").containsExactlyInAnyOrderElementsOf(schemaActions());
        return scenarios.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            e.getValue().run();
            boolean demo = e.getKey().equals("DEMO_DATA_CREATED");
            HttpGraphQlTester reader = demo ? Sessions.tester(port, Sessions.ADMIN_REGENBOOG) : admin;
            String schoolId = demo ? jdbc.sql("select id from school where brin = '12AB'").query(String.class).single()
                    : school.schoolId();
            List<Map<String, Object>> filtered = reader.documentName("admin-audit-changes").variable("schoolId", schoolId)
                    .variable("first", 100).variable("filter", Map.of("action", e.getKey())).execute()
                    .path("school.auditEvents.edges[*].node").entity(NODES).get();
            assertThat(filtered).as("events of %s", e.getKey()).isNotEmpty().allMatch(n -> e.getKey().equals(n.get("action")));
            List<Map<String, Object>> changes = filtered.stream()
                    .flatMap(n -> ((List<Map<String, Object>>) n.get("changes")).stream()).toList();
            assertThat(changes).as("changes of %s", e.getKey()).isNotEmpty();
            words().getOrDefault(e.getKey(), c -> { }).accept(changes);
            // "Alle": the whole log reads without error too
            reader.documentName("admin-audit-changes").variable("schoolId", schoolId).variable("first", 100).execute()
                    .path("school.auditEvents.edges").entityList(Object.class).satisfies(edges -> assertThat(edges).isNotEmpty());
        }));
    }

    @Test
    void everyActionTheApplicationWritesIsAValueOfAuditAction() throws IOException {
        Set<String> java = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.klaspoort")) {
            if (type.isEnum() && type.isAssignableTo(AuditAction.class)) {
                Arrays.stream(type.reflect().getEnumConstants()).map(c -> ((AuditAction) c).name()).forEach(java::add);
            }
        }
        assertThat(java).contains("USERS_ARCHIVE", "IP_RANGE_ADDED", "DEMO_DATA_CREATED");
        assertThat(schemaActions()).containsAll(java);
    }

    private static Map<String, Object> change(String field, String label, String before, String after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("field", field);
        change.put("label", label);
        change.put("before", before);
        change.put("after", after);
        return change;
    }

    private long linkedStudent() {
        long student = fixture.student(school, 5);
        ok(run(admin, "admin-students-link", Map.of("schoolId", school.schoolId(), "studentIds", ids(student),
                "links", List.of(Map.of("productId", Long.toString(school.leeslab()), "supervisorIds", ids(school.supervisorA()))))),
                "studentsLink");
        return student;
    }

    private String archive(long user) {
        return ok(run(admin, "admin-users-archive", Map.of("schoolId", school.schoolId(), "userIds", ids(user))), "usersArchive");
    }

    private static final java.util.concurrent.atomic.AtomicInteger RANGES = new java.util.concurrent.atomic.AtomicInteger();

    private String ipRange(boolean active) {
        // a range of its own for every call: random third octets collided now and then (OVERLAP)
        String from = "10.%d.%d.0/24".formatted(school.id() % 250, RANGES.incrementAndGet() % 250);
        return admin.documentName("results-ip-range-add").variable("input", Map.of("schoolId", school.schoolId(),
                        "connectionType", "FIBER", "from", from, "active", active)).execute()
                .path("schoolIpRangeAdd.errors").entityList(Object.class).hasSize(0)
                .path("schoolIpRangeAdd.ipRange.id").entity(String.class).get();
    }

    private void activate(String range, boolean active) {
        admin.documentName("results-ip-range-activate").variable("input", Map.of("ipRangeId", range, "active", active)).execute()
                .path("schoolIpRangeActivate.ipRange.active").entity(Boolean.class).isEqualTo(active);
    }

    private static String ok(org.springframework.graphql.test.tester.GraphQlTester.Response response, String field) {
        assertThat(errorCodes(response, field)).as(field).isEmpty();
        return response.path(field + ".batchId").entity(String.class).get();
    }

    /** The values of {@code enum AuditAction} and every {@code extend enum AuditAction} of the schema. */
    static Set<String> schemaActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        Pattern block = Pattern.compile("(?:extend\\s+)?enum\\s+AuditAction\\s*\\{([^}]*)}");
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
            Matcher m = block.matcher(file.getContentAsString(StandardCharsets.UTF_8));
            while (m.find()) {
                String body = m.group(1).replaceAll("\"\"\"[\\s\\S]*?\"\"\"|\"[^\"\\n]*\"|#.*", " ");
                Arrays.stream(body.trim().split("\\s+")).filter(s -> s.matches("[A-Z][A-Z0-9_]*")).forEach(actions::add);
            }
        }
        return actions;
    }
}
