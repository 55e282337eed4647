package nl.klaspoort.demo.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.Publishers;
import nl.klaspoort.access.Roles;
import nl.klaspoort.audit.AuditAction;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.audit.AuditTarget;
import nl.klaspoort.basispoort.BasispoortConnections;
import nl.klaspoort.contract.Contracts;
import nl.klaspoort.enrollment.Enrollments;
import nl.klaspoort.enrollment.Enrollments.LinkRow;
import nl.klaspoort.membership.Memberships;
import nl.klaspoort.people.People;
import nl.klaspoort.people.People.NewProfessional;
import nl.klaspoort.people.People.NewStudent;
import nl.klaspoort.platform.Amsterdam;
import nl.klaspoort.product.Products;
import nl.klaspoort.product.Products.NewProduct;
import nl.klaspoort.results.PracticeSessions;
import nl.klaspoort.results.PracticeSessions.ImportedSession;
import nl.klaspoort.school.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for the default run: two schools, three products with curricula, contracts, professionals with every role
 * combination, 60 students in groups 3–8 with koppelingen, and twelve weeks of practice sessions. Written once, into
 * an empty database; never in the {@code prod} profile ({@code klaspoort.demo-data.enabled=false} there).
 * The logins are listed in the README and in {@link #LOGINS}. Written only through the owners' APIs, set-based where
 * it counts (students, koppelingen, sessions), so a start stays fast.
 */
@Component
@ConditionalOnProperty(name = "klaspoort.demo-data.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PROFESSIONAL_PASSWORD = "Klaspoort2026";
    static final String STUDENT_PASSWORD = "Oefenen2026";
    /** The e-mail domain of every demo professional. */
    static final String DOMAIN = "demo.klaspoort.nl";
    /** BRIN → name of the demo schools. */
    static final Map<String, String> SCHOOLS = Map.of("12AB", "OBS De Regenboog", "34CD", "CBS Het Kompas");

    /** login → what it shows; also printed in the README. */
    static final Map<String, String> LOGINS = Map.of(
            "beheerder@demo.klaspoort.nl", "ADMIN at OBS De Regenboog",
            "begeleider@demo.klaspoort.nl", "SUPERVISOR at OBS De Regenboog",
            "directeur@demo.klaspoort.nl", "ADMIN + SUPERVISOR at both schools",
            "beheer.klimop@demo.klaspoort.nl", "ADMIN at Basisschool De Klimop (Basispoort)",
            "beheer.vlinder@demo.klaspoort.nl", "ADMIN at Basisschool De Vlinder (EDEXML)",
            "sanne.dejong", "STUDENT at OBS De Regenboog");

    private static final String[] FIRST = {"Sanne", "Daan", "Emma", "Sem", "Julia", "Lucas", "Tess", "Finn", "Zoë",
            "Levi", "Noor", "Milan", "Lotte", "Bram", "Fleur", "Thijs", "Evi", "Jesse", "Sara", "Ruben", "Lieke", "Mees",
            "Anouk", "Stijn", "Yara", "Luuk", "Isa", "Gijs", "Nina", "Teun"};
    private static final String[][] LAST = {{"de", "Jong"}, {null, "Jansen"}, {"de", "Vries"}, {"van den", "Berg"},
            {"van", "Dijk"}, {null, "Bakker"}, {null, "Janssen"}, {null, "Visser"}, {null, "Smit"}, {null, "Meijer"},
            {"de", "Boer"}, {null, "Mulder"}, {"de", "Groot"}, {null, "Bos"}, {null, "Vos"}, {null, "Peters"},
            {null, "Hendriks"}, {"van", "Leeuwen"}, {null, "Dekker"}, {null, "Brouwer"}, {"de", "Wit"}, {null, "Dijkstra"},
            {null, "Smits"}, {"de", "Graaf"}, {"van der", "Meer"}, {"van der", "Linden"}, {null, "Kok"}, {null, "Jacobs"},
            {"de", "Haan"}, {null, "Vermeulen"}};

    /** The simulator's demo school with consent (WorldGenerator.DEMO_SCHOOL_ID, BRIN 99KP). */
    static final String KLIMOP_BRIN = "99KP";
    static final long KLIMOP_BASISPOORT_ID = 100_001;

    /** The audit action of the demo data ({@code AuditAction.DEMO_DATA_CREATED}). */
    enum DemoAction implements AuditAction { DEMO_DATA_CREATED }

    private final Schools schools;
    private final BasispoortConnections connections;
    private final Products products;
    private final Contracts contracts;
    private final People people;
    private final Memberships memberships;
    private final Roles roles;
    private final Enrollments enrollments;
    private final PracticeSessions sessions;
    private final AuditLog audit;
    private final PasswordEncoder passwords;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Publishers publishers;

    DemoData(Schools schools, BasispoortConnections connections, Products products, Contracts contracts, People people, Memberships memberships, Roles roles,
            Enrollments enrollments, PracticeSessions sessions, AuditLog audit, PasswordEncoder passwords,
            TransactionTemplate tx, Clock clock, Publishers publishers) {
        this.schools = schools;
        this.connections = connections;
        this.products = products;
        this.contracts = contracts;
        this.people = people;
        this.memberships = memberships;
        this.roles = roles;
        this.enrollments = enrollments;
        this.sessions = sessions;
        this.audit = audit;
        this.passwords = passwords;
        this.tx = tx;
        this.clock = clock;
        this.publishers = publishers;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean core = schools.byBrin("12AB").isEmpty();
        boolean roster = schools.byBrin(KLIMOP_BRIN).isEmpty();
        if (!core && !roster) {
            return;
        }
        long started = System.nanoTime();
        tx.executeWithoutResult(status -> {
            if (core) {
                seed(new Random(2026));
            }
            if (roster) {
                rosterSchools();
            }
        });
        log.info("Demo data written in {} ms; logins: {}", (System.nanoTime() - started) / 1_000_000, LOGINS.keySet());
    }

    /**
     * The schools whose pupils arrive from their roster instead of by hand: "Basisschool De Klimop" (BRIN 99KP) is the
     * Basispoort simulator's school with consent, activated, so "Nu synchroniseren" brings its 200 pupils, groups and
     * teachers (and the nightly sync keeps them); "Basisschool De Vlinder" (99XX, vestiging 99) has no LAS link and
     * uploads EDEXML, the school of the 400-pupil sample export. Both start without pupils.
     */
    private void rosterSchools() {
        String proHash = passwords.encode(PROFESSIONAL_PASSWORD);
        long klimop = school(KLIMOP_BRIN, "00", "Basisschool De Klimop");
        grant(klimop, professional("Marieke", null, "Hoekstra", "beheer.klimop@demo.klaspoort.nl", "ICT-coördinator",
                proHash), Role.ADMIN);
        LocalDate today = Amsterdam.today(clock);
        LocalDate augFirst = LocalDate.of(today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1, 8, 1);
        long leeslab = products.byCode("LEESLAB").orElseThrow().id();
        contracts.create(new Contracts.NewContract(klimop, leeslab, Contracts.Kind.SCHOOL_WIDE,
                "Leeslab schoollicentie 250 leerlingen", 250, augFirst, null));
        connections.activateKnown(klimop, KLIMOP_BASISPOORT_ID);

        long vlinder = school("99XX", "99", "Basisschool De Vlinder");
        grant(vlinder, professional("Joost", "van", "Wijk", "beheer.vlinder@demo.klaspoort.nl", "Beheerder", proHash),
                Role.ADMIN);
        contracts.create(new Contracts.NewContract(vlinder, leeslab, Contracts.Kind.SCHOOL_WIDE,
                "Leeslab schoollicentie 400 leerlingen", 400, augFirst, null));
    }

    private record DemoProduct(long id, int lessons, int testEvery) {}

    @SuppressWarnings("unchecked")
    private void seed(Random random) {
        long regenboog = school("12AB", SCHOOLS.get("12AB"));
        long kompas = school("34CD", SCHOOLS.get("34CD"));

        DemoProduct leeslab = product("LEESLAB", "Leeslab", "Technisch en begrijpend lezen, groep 3 tot en met 8.", "book", 40, 10);
        DemoProduct spelling = product("SPELLINGSTER", "Spellingster", "Spelling oefenen met directe feedback.", "pencil", 30, 6);
        DemoProduct rekenen = product("REKENROUTE", "Rekenroute", "Rekenen in korte, dagelijkse routes.", "calculator", 48, 8);

        LocalDate today = Amsterdam.today(clock);
        LocalDate augFirst = LocalDate.of(today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1, 8, 1);
        contract(regenboog, leeslab, Contracts.Kind.SCHOOL_WIDE, "Leeslab schoollicentie 60 leerlingen", 60, augFirst, null);
        contract(regenboog, spelling, Contracts.Kind.PER_STUDENT, "Spellingster per leerling", 25, augFirst, null);
        contract(kompas, leeslab, Contracts.Kind.SCHOOL_WIDE, "Leeslab schoollicentie 40 leerlingen", 40, augFirst, null);
        contract(kompas, rekenen, Contracts.Kind.PER_STUDENT, "Rekenroute per leerling", 20, augFirst, augFirst.plusYears(1).minusDays(1));

        String proHash = passwords.encode(PROFESSIONAL_PASSWORD);
        long beheerder = professional("Mirjam", null, "Kramer", "beheerder@demo.klaspoort.nl", "ICT-coördinator", proHash);
        long begeleider = professional("Peter", "van", "Dam", "begeleider@demo.klaspoort.nl", "Leerkracht groep 5", proHash);
        long directeur = professional("Ingrid", "de", "Wit", "directeur@demo.klaspoort.nl", "Directeur", proHash);
        // the demo's publisher: PUBLISHER granted to the director as a person (by id), not to an e-mail address
        publishers.grantWithoutPublisher(directeur, Publishers.Reason.DEMO);
        long ib = professional("Karin", null, "Smeets", "ib@demo.klaspoort.nl", "Intern begeleider", proHash);
        long kompasBeheer = professional("Youssef", null, "El Amrani", "beheer.kompas@demo.klaspoort.nl", "Beheerder", proHash);
        long kompasJuf = professional("Anna", "van der", "Veen", "anna.vanderveen@demo.klaspoort.nl", "Leerkracht groep 7", proHash);

        grant(regenboog, beheerder, Role.ADMIN);
        grant(regenboog, begeleider, Role.SUPERVISOR);
        grant(regenboog, directeur, Role.ADMIN, Role.SUPERVISOR);
        grant(regenboog, ib, Role.SUPERVISOR);
        grant(kompas, directeur, Role.ADMIN, Role.SUPERVISOR);
        grant(kompas, kompasBeheer, Role.ADMIN);
        grant(kompas, kompasJuf, Role.SUPERVISOR);

        enrollments.assign(regenboog, List.of(begeleider, ib), List.of(leeslab.id, spelling.id));
        enrollments.assign(regenboog, List.of(directeur), List.of(leeslab.id));
        enrollments.assign(kompas, List.of(directeur, kompasJuf), List.of(leeslab.id, rekenen.id));

        String studentHash = passwords.encode(STUDENT_PASSWORD);
        Set<String> usernames = new HashSet<>();
        List<NewStudent> newStudents = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long school = i < 30 ? regenboog : kompas;
            String first = FIRST[i % FIRST.length];
            String[] last = LAST[(i * 7) % LAST.length];
            int gradeYear = 3 + (i % 6);
            String group = gradeYear + (i % 12 < 6 ? "A" : "B");
            newStudents.add(new NewStudent(school, first, last[0], last[1], username(first, last, usernames), gradeYear, group,
                    studentHash));
        }
        List<Long> students = people.createStudents(newStudents);
        memberships.join(regenboog, students.subList(0, 30));
        memberships.join(kompas, students.subList(30, 60));

        // koppelingen, grouped by the rows they get so that each group is one set-based link
        Map<List<Object>, List<Long>> links = new LinkedHashMap<>();
        List<long[]> sessionsFor = new ArrayList<>(); // {school, student, product, lessons, testEvery}
        for (int i = 0; i < 60; i++) {
            long student = students.get(i);
            if (i == 28 || i == 29 || i == 59) {
                continue;
            }
            if (i < 30) {
                link(links, regenboog, leeslab, i % 3 == 0 ? List.of(begeleider, ib) : List.of(begeleider), student);
                if (i % 2 == 0) {
                    link(links, regenboog, spelling, List.of(begeleider), student);
                    sessionsFor.add(new long[] {regenboog, student, spelling.id, spelling.lessons, spelling.testEvery});
                }
                sessionsFor.add(new long[] {regenboog, student, leeslab.id, leeslab.lessons, leeslab.testEvery});
            } else {
                link(links, kompas, leeslab, List.of(kompasJuf), student);
                if (i % 3 != 0) {
                    link(links, kompas, rekenen, List.of(kompasJuf, directeur), student);
                    sessionsFor.add(new long[] {kompas, student, rekenen.id, rekenen.lessons, rekenen.testEvery});
                }
                sessionsFor.add(new long[] {kompas, student, leeslab.id, leeslab.lessons, leeslab.testEvery});
            }
        }
        links.forEach((key, group) -> enrollments.link((Long) key.get(0), group,
                List.of(new LinkRow((Long) key.get(1), (List<Long>) key.get(2)))));
        Instant archivedSince = clock.instant().minus(20, ChronoUnit.DAYS);
        memberships.archiveSince(regenboog, List.of(students.get(28), students.get(29)), archivedSince);
        memberships.archiveSince(kompas, List.of(students.get(59)), archivedSince);
        practiceSessions(sessionsFor, random);
    }

    private static void link(Map<List<Object>, List<Long>> links, long school, DemoProduct product, List<Long> supervisors,
            long student) {
        links.computeIfAbsent(List.of(school, product.id, supervisors), k -> new ArrayList<>()).add(student);
    }

    private long school(String brin, String name) {
        return school(brin, "00", name);
    }

    private long school(String brin, String branch, String name) {
        long id = schools.create(brin, branch, name);
        audit.record(id, DemoAction.DEMO_DATA_CREATED,
                List.of(new AuditLog.Entry(AuditTarget.school(id), null, "{\"source\": \"demo\"}")));
        return id;
    }

    private DemoProduct product(String code, String name, String description, String icon, int lessons, int testEvery) {
        String slug = code.toLowerCase(Locale.ROOT);
        long id = products.create(new NewProduct(code, name, description, icon, "https://producten.example/" + slug + "/start",
                "https://producten.example/" + slug + "/handleiding", lessons, testEvery));
        return new DemoProduct(id, lessons, testEvery);
    }

    private void contract(long school, DemoProduct product, Contracts.Kind kind, String name, int seats, LocalDate start,
            LocalDate end) {
        contracts.create(new Contracts.NewContract(school, product.id, kind, name, seats, start, end));
    }

    private long professional(String first, String prefix, String last, String email, String function, String hash) {
        return people.createProfessional(new NewProfessional(first, prefix, last, email, function, hash));
    }

    private void grant(long school, long user, Role... granted) {
        memberships.join(school, List.of(user));
        roles.grant(school, List.of(user), List.of(granted));
    }

    private static String username(String first, String[] last, Set<String> taken) {
        String base = (first + "." + (last[0] == null ? "" : last[0].replace(" ", "")) + last[1])
                .toLowerCase(Locale.ROOT).replace("ë", "e").replaceAll("[^a-z.]", "");
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + n;
        }
        return name;
    }

    /** Twelve weeks of practice, 1–4 sessions a week, at school on weekdays or at home in the evening. */
    private void practiceSessions(List<long[]> enrollments, Random random) {
        ZonedDateTime firstMonday = Amsterdam.today(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(11).atStartOfDay(Amsterdam.ZONE);
        Instant now = clock.instant();
        List<ImportedSession> rows = new ArrayList<>();
        Map<String, Integer> counter = new LinkedHashMap<>();
        for (long[] e : enrollments) {
            int lesson = 1 + random.nextInt(3);
            int lessons = (int) e[3], testEvery = (int) e[4];
            for (int week = 0; week < 12; week++) {
                int sessions = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(4);
                for (int s = 0; s < sessions && lesson <= lessons; s++) {
                    boolean atSchool = random.nextInt(3) > 0;
                    ZonedDateTime day = firstMonday.plusWeeks(week).plusDays(random.nextInt(atSchool ? 5 : 7));
                    ZonedDateTime start = day.plusHours(atSchool ? 9 + random.nextInt(6) : 16 + random.nextInt(4))
                            .plusMinutes(random.nextInt(60));
                    Instant started = start.toInstant();
                    if (started.isAfter(now)) {
                        continue;
                    }
                    Instant ended = started.plus(8 + random.nextInt(25), ChronoUnit.MINUTES);
                    boolean completed = random.nextInt(5) > 0;
                    Double score = completed && lesson % testEvery == 0 ? 5.0 + random.nextInt(51) / 10.0 : null;
                    int n = counter.merge(e[1] + ":" + e[2], 1, Integer::sum);
                    rows.add(new ImportedSession(e[0], e[1], e[2], "demo-" + e[1] + "-" + e[2] + "-" + n, started, ended,
                            atSchool ? "SCHOOL" : "HOME", lesson, completed, score));
                    if (completed) {
                        lesson++;
                    }
                }
            }
        }
        sessions.importAll(rows);
    }
}
