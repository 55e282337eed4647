package nl.klaspoort.demo;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for the default run: two schools, three products with curricula, contracts, professionals with every role
 * combination, 60 students in groups 3–8 with koppelingen, and twelve weeks of practice sessions. Written once, into
 * an empty database; never in the {@code prod} profile ({@code klaspoort.demo-data.enabled=false} there).
 * The logins are listed in the README and in {@link #LOGINS}.
 */
@Component
@ConditionalOnProperty(name = "klaspoort.demo-data.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PROFESSIONAL_PASSWORD = "Klaspoort2026";
    static final String STUDENT_PASSWORD = "Oefenen2026";
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** The e-mail domain of every demo professional. */
    static final String DOMAIN = "demo.klaspoort.nl";
    /** BRIN → name of the demo schools. */
    static final Map<String, String> SCHOOLS = Map.of("12AB", "OBS De Regenboog", "34CD", "CBS Het Kompas");

    /** login → what it shows; also printed in the README. */
    static final Map<String, String> LOGINS = Map.of(
            "beheerder@demo.klaspoort.nl", "ADMIN at OBS De Regenboog",
            "begeleider@demo.klaspoort.nl", "SUPERVISOR at OBS De Regenboog",
            "directeur@demo.klaspoort.nl", "ADMIN + SUPERVISOR at both schools",
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

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final PasswordEncoder passwords;
    private final TransactionTemplate tx;

    DemoData(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PasswordEncoder passwords, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.passwords = passwords;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from school").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        tx.executeWithoutResult(status -> seed(new Random(2026)));
        log.info("Demo data written in {} ms; logins: {}", (System.nanoTime() - started) / 1_000_000, LOGINS.keySet());
    }

    private record Product(long id, int lessons, int testEvery) {}

    private void seed(Random random) {
        long regenboog = school("12AB", SCHOOLS.get("12AB"));
        long kompas = school("34CD", SCHOOLS.get("34CD"));

        Product leeslab = product("LEESLAB", "Leeslab", "Technisch en begrijpend lezen, groep 3 tot en met 8.", "book", 40, 10);
        Product spelling = product("SPELLINGSTER", "Spellingster", "Spelling oefenen met directe feedback.", "pencil", 30, 6);
        Product rekenen = product("REKENROUTE", "Rekenroute", "Rekenen in korte, dagelijkse routes.", "calculator", 48, 8);

        LocalDate today = LocalDate.now(AMSTERDAM);
        LocalDate augFirst = LocalDate.of(today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1, 8, 1);
        contract(regenboog, leeslab, "SCHOOL_WIDE", "Leeslab schoollicentie 60 leerlingen", 60, augFirst, null);
        contract(regenboog, spelling, "PER_STUDENT", "Spellingster per leerling", 25, augFirst, null);
        contract(kompas, leeslab, "SCHOOL_WIDE", "Leeslab schoollicentie 40 leerlingen", 40, augFirst, null);
        contract(kompas, rekenen, "PER_STUDENT", "Rekenroute per leerling", 20, augFirst, augFirst.plusYears(1).minusDays(1));

        String proHash = passwords.encode(PROFESSIONAL_PASSWORD);
        long beheerder = professional("Mirjam", null, "Kramer", "beheerder@demo.klaspoort.nl", "ICT-coördinator", proHash);
        long begeleider = professional("Peter", "van", "Dam", "begeleider@demo.klaspoort.nl", "Leerkracht groep 5", proHash);
        long directeur = professional("Ingrid", "de", "Wit", "directeur@demo.klaspoort.nl", "Directeur", proHash);
        long ib = professional("Karin", null, "Smeets", "ib@demo.klaspoort.nl", "Intern begeleider", proHash);
        long kompasBeheer = professional("Youssef", null, "El Amrani", "beheer.kompas@demo.klaspoort.nl", "Beheerder", proHash);
        long kompasJuf = professional("Anna", "van der", "Veen", "anna.vanderveen@demo.klaspoort.nl", "Leerkracht groep 7", proHash);

        grant(regenboog, beheerder, "ADMIN");
        grant(regenboog, begeleider, "SUPERVISOR");
        grant(regenboog, directeur, "ADMIN", "SUPERVISOR");
        grant(regenboog, ib, "SUPERVISOR");
        grant(kompas, directeur, "ADMIN", "SUPERVISOR");
        grant(kompas, kompasBeheer, "ADMIN");
        grant(kompas, kompasJuf, "SUPERVISOR");

        assign(regenboog, begeleider, leeslab, spelling);
        assign(regenboog, directeur, leeslab);
        assign(regenboog, ib, leeslab, spelling);
        assign(kompas, directeur, leeslab, rekenen);
        assign(kompas, kompasJuf, leeslab, rekenen);

        String studentHash = passwords.encode(STUDENT_PASSWORD);
        Set<String> usernames = new HashSet<>();
        List<long[]> sessionsFor = new ArrayList<>(); // {school, student, product, lessons, testEvery}
        for (int i = 0; i < 60; i++) {
            boolean inRegenboog = i < 30;
            long school = inRegenboog ? regenboog : kompas;
            String first = FIRST[i % FIRST.length];
            String[] last = LAST[(i * 7) % LAST.length];
            int gradeYear = 3 + (i % 6);
            String group = gradeYear + (i % 12 < 6 ? "A" : "B");
            long student = student(school, first, last[0], last[1], username(first, last, usernames), gradeYear, group, studentHash);
            if (i == 28 || i == 29 || i == 59) {
                jdbc.sql("update school_member set archived_at = now() - interval '20 days' where user_id = :id")
                        .param("id", student).update();
                continue;
            }
            if (inRegenboog) {
                enroll(school, student, leeslab, i % 3 == 0 ? List.of(begeleider, ib) : List.of(begeleider));
                if (i % 2 == 0) {
                    enroll(school, student, spelling, List.of(begeleider));
                    sessionsFor.add(new long[] {school, student, spelling.id, spelling.lessons, spelling.testEvery});
                }
            } else {
                enroll(school, student, leeslab, List.of(kompasJuf));
                if (i % 3 != 0) {
                    enroll(school, student, rekenen, List.of(kompasJuf, directeur));
                    sessionsFor.add(new long[] {school, student, rekenen.id, rekenen.lessons, rekenen.testEvery});
                }
            }
            sessionsFor.add(new long[] {school, student, leeslab.id, leeslab.lessons, leeslab.testEvery});
        }
        practiceSessions(sessionsFor, random);
    }

    private long school(String brin, String name) {
        long id = jdbc.sql("insert into school (id, brin, branch_code, name) values (nextval('school_seq'), :brin, '00', :name) returning id")
                .param("brin", brin).param("name", name).query(Long.class).single();
        jdbc.sql("""
                insert into audit_event (id, school_id, action, after_state)
                values (nextval('audit_event_seq'), :school, 'DEMO_DATA_CREATED', '{"source":"demo"}'::jsonb)
                """).param("school", id).update();
        return id;
    }

    private Product product(String code, String name, String description, String icon, int lessons, int testEvery) {
        long id = jdbc.sql("""
                        insert into product (id, code, name, description, icon, launch_url, documentation_url)
                        values (nextval('product_seq'), :code, :name, :description, :icon, :launch, :docs) returning id
                        """)
                .param("code", code).param("name", name).param("description", description).param("icon", icon)
                .param("launch", "https://producten.example/" + code.toLowerCase(Locale.ROOT) + "/start")
                .param("docs", "https://producten.example/" + code.toLowerCase(Locale.ROOT) + "/handleiding")
                .query(Long.class).single();
        List<Object[]> rows = new ArrayList<>();
        for (int position = 1; position <= lessons; position++) {
            rows.add(new Object[] {id, position, "Les " + position, position % testEvery == 0});
        }
        jdbcTemplate.batchUpdate("insert into lesson (id, product_id, position, title, ends_with_test) values (nextval('lesson_seq'), ?, ?, ?, ?)", rows);
        return new Product(id, lessons, testEvery);
    }

    private void contract(long school, Product product, String kind, String name, int seats, LocalDate start, LocalDate end) {
        jdbc.sql("""
                insert into contract (id, school_id, product_id, kind, name, seats, start_date, renewal_date, end_date)
                values (nextval('contract_seq'), :school, :product, :kind, :name, :seats, :start, :renewal, :end)
                """)
                .param("school", school).param("product", product.id).param("kind", kind).param("name", name)
                .param("seats", seats).param("start", start).param("renewal", start.plusYears(1)).param("end", end)
                .update();
    }

    private long professional(String first, String prefix, String last, String email, String function, String hash) {
        return jdbc.sql("""
                        insert into app_user (id, kind, first_name, name_prefix, last_name, email, function_title, password_hash)
                        values (nextval('app_user_seq'), 'PROFESSIONAL', :first, :prefix, :last, :email, :function, :hash) returning id
                        """)
                .param("first", first).param("prefix", prefix).param("last", last).param("email", email)
                .param("function", function).param("hash", hash).query(Long.class).single();
    }

    private void grant(long school, long user, String... roles) {
        jdbc.sql("insert into school_member (school_id, user_id) values (:school, :user) on conflict do nothing")
                .param("school", school).param("user", user).update();
        for (String role : roles) {
            jdbc.sql("insert into role_grant (school_id, user_id, role) values (:school, :user, :role)")
                    .param("school", school).param("user", user).param("role", role).update();
        }
    }

    private void assign(long school, long supervisor, Product... products) {
        for (Product product : products) {
            jdbc.sql("insert into product_assignment (school_id, supervisor_id, product_id) values (:school, :supervisor, :product)")
                    .param("school", school).param("supervisor", supervisor).param("product", product.id).update();
        }
    }

    private long student(long school, String first, String prefix, String last, String username, int gradeYear,
            String group, String hash) {
        long id = jdbc.sql("""
                        insert into app_user (id, kind, first_name, name_prefix, last_name, username, school_id, grade_year, group_name, password_hash)
                        values (nextval('app_user_seq'), 'STUDENT', :first, :prefix, :last, :username, :school, :grade, :group, :hash) returning id
                        """)
                .param("first", first).param("prefix", prefix).param("last", last).param("username", username)
                .param("school", school).param("grade", gradeYear).param("group", group).param("hash", hash)
                .query(Long.class).single();
        jdbc.sql("insert into school_member (school_id, user_id) values (:school, :user)")
                .param("school", school).param("user", id).update();
        return id;
    }

    private void enroll(long school, long student, Product product, List<Long> supervisors) {
        long enrollment = jdbc.sql("""
                        insert into enrollment (id, school_id, student_id, product_id) values (nextval('enrollment_seq'), :school, :student, :product)
                        returning id
                        """)
                .param("school", school).param("student", student).param("product", product.id).query(Long.class).single();
        for (long supervisor : supervisors) {
            jdbc.sql("insert into enrollment_supervisor (enrollment_id, supervisor_id, school_id) values (:e, :s, :school)")
                    .param("e", enrollment).param("s", supervisor).param("school", school).update();
        }
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
        ZonedDateTime firstMonday = LocalDate.now(AMSTERDAM).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(11).atStartOfDay(AMSTERDAM);
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>();
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
                    rows.add(new Object[] {e[0], e[1], e[2], "demo-" + e[1] + "-" + e[2] + "-" + n,
                            Timestamp.from(started), Timestamp.from(ended), atSchool ? "SCHOOL" : "HOME", lesson, completed, score});
                    if (completed) {
                        lesson++;
                    }
                }
            }
        }
        jdbcTemplate.batchUpdate("""
                insert into practice_session (id, school_id, student_id, product_id, external_id, started_at, ended_at,
                                              location, lesson_position, completed, test_score)
                values (nextval('practice_session_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }
}
