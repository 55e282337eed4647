package klaspoort.peers.basispoort;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import klaspoort.peers.basispoort.Api.Groep;
import klaspoort.peers.basispoort.Api.Leerling;
import klaspoort.peers.basispoort.Api.Medewerker;
import klaspoort.peers.basispoort.Api.Persoonsgegevens;
import klaspoort.peers.basispoort.BasispoortWorld.SchoolInfo;

/**
 * Deterministic worlds: the same seed gives the same schools, pupils, ids and ECK iDs on every start.
 * <ul>
 * <li>{@link #demo}: "Basisschool De Klimop" (id {@value #DEMO_SCHOOL_ID}, BRIN {@value #DEMO_BRIN}, consent given)
 * with 200 pupils in groups 1–8 and 10 staff, and "CBS De Wegwijzer" (id {@value #NO_CONSENT_SCHOOL_ID}, BRIN
 * {@value #NO_CONSENT_BRIN}, no consent) for the connection check that says what is missing.</li>
 * <li>{@link #generate}: n schools (ids from 200001, BRIN {@code 10AA}, {@code 10AB}, …) × m pupils, all with
 * consent, for benchmarks.</li>
 * </ul>
 */
public final class WorldGenerator {

    public static final long DEMO_SCHOOL_ID = 100_001;
    public static final String DEMO_BRIN = "99KP";
    public static final long NO_CONSENT_SCHOOL_ID = 100_002;
    public static final String NO_CONSENT_BRIN = "99KQ";
    public static final long FIRST_GENERATED_SCHOOL_ID = 200_001;

    private static final String[] FIRST_NAMES = {"Sem", "Noah", "Liam", "Lucas", "Daan", "Finn", "Levi", "Milan",
            "Bram", "Luuk", "Thijs", "Jesse", "Mees", "Siem", "Teun", "Gijs", "Ruben", "Stijn", "Mohamed", "Adam", "Emma",
            "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Evi", "Anna", "Noor", "Lotte", "Liv", "Fleur",
            "Saar", "Yara", "Lieke", "Noëlle", "Fenna", "Isa", "Anouk", "Roos", "Femke", "Jasmijn", "Ilse", "Ayşe"};
    private static final String[][] LAST_NAMES = {{"", "Jong"}, {"de", "Vries"}, {"van den", "Berg"}, {"van", "Dijk"},
            {"", "Bakker"}, {"", "Janssen"}, {"", "Visser"}, {"", "Smit"}, {"", "Meijer"}, {"de", "Boer"}, {"", "Mulder"},
            {"de", "Groot"}, {"", "Bos"}, {"", "Vos"}, {"", "Peters"}, {"", "Hendriks"}, {"van", "Leeuwen"},
            {"", "Dekker"}, {"", "Brouwer"}, {"de", "Wit"}, {"", "Dijkstra"}, {"", "Smits"}, {"de", "Graaf"},
            {"van der", "Meer"}, {"van der", "Linden"}, {"", "Kok"}, {"", "Jacobs"}, {"de", "Haan"}, {"", "Vermeulen"},
            {"van den", "Heuvel"}, {"van der", "Veen"}, {"van den", "Broek"}, {"de", "Bruijn"}, {"de", "Jong"},
            {"van", "Beek"}, {"", "Çelik"}, {"", "Yılmaz"}, {"van 't", "Hof"}, {"", "El Amrani"}, {"ter", "Horst"}};
    private static final String ECK_PREFIX = "https://ketenid.nl/201703/";

    private WorldGenerator() {
    }

    /** The demo world: a school "in Basispoort" with consent and 200 pupils, and one without consent. */
    public static void demo(BasispoortWorld world, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        world.addSchool(DEMO_SCHOOL_ID, new SchoolInfo("Basisschool De Klimop", "Klimopstraat", "12", null, "3511 AB",
                "Utrecht", DEMO_BRIN, "00", "KLIMOP-1", "41234"), true);
        fill(world, DEMO_SCHOOL_ID, 200, "klimop.demo.klaspoort.nl", random);
        world.addSchool(NO_CONSENT_SCHOOL_ID, new SchoolInfo("CBS De Wegwijzer", "Kerkplein", "3", "a", "8011 CD",
                "Zwolle", NO_CONSENT_BRIN, "00", "WEGWIJZER-1", "41235"), false);
        fill(world, NO_CONSENT_SCHOOL_ID, 48, "wegwijzer.demo.klaspoort.nl", random);
    }

    /** {@code schools} schools of {@code pupilsPerSchool} pupils each, all with consent. */
    public static void generate(BasispoortWorld world, int schools, int pupilsPerSchool, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < schools; i++) {
            long id = FIRST_GENERATED_SCHOOL_ID + i;
            String brin = String.format(Locale.ROOT, "%02d%c%c", 10 + i / 676 % 90, 'A' + i / 26 % 26, 'A' + i % 26);
            world.addSchool(id, new SchoolInfo("Basisschool " + (char) ('A' + i % 26) + " " + (i + 1), "Schoolstraat",
                    String.valueOf(1 + i), null, String.format(Locale.ROOT, "%04d AB", 1000 + i), "Plaats " + (i + 1),
                    brin, "00", "S" + id, "4" + (1000 + i)), true);
            fill(world, id, pupilsPerSchool, "school" + (i + 1) + ".example", random);
        }
    }

    /**
     * Fills a school the world already has with a generated roster (see {@link #fill}): for tests and benchmarks that
     * make schools of their own. The same seed gives the same roster.
     */
    public static void populate(BasispoortWorld world, long schoolId, int pupils, String mailDomain, long seed) {
        fill(world, schoolId, pupils, mailDomain, new SplittableRandom(seed));
    }

    /** Groups 1–8 (lasKey G1…G8), a subgroup "Plusklas", pupils spread evenly, one teacher per group, an ICT'er. */
    private static void fill(BasispoortWorld world, long schoolId, int pupils, String mailDomain, SplittableRandom random) {
        for (int g = 1; g <= 8; g++) {
            world.putGroup(schoolId, new Groep("G" + g, "Groep " + g, String.valueOf(g), null), false);
        }
        world.putGroup(schoolId, new Groep("SG-PLUS", "Plusklas", null, "Verrijking groep 5–8"), true);
        for (int p = 0; p < pupils; p++) {
            int grade = 1 + p * 8 / pupils;
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String[] last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            List<String> subgroups = grade >= 5 && p % 7 == 0 ? List.of("SG-PLUS") : List.of();
            world.addPupil(schoolId, new Leerling(0, eckId(random), "L" + schoolId + "-" + (p + 1),
                    new Persoonsgegevens(last[1], first, last[0].isEmpty() ? null : last[0], first.substring(0, 1) + "."),
                    String.valueOf(grade), "G" + grade, subgroups));
        }
        List<String> all = new ArrayList<>();
        Set<String> emails = new java.util.HashSet<>();
        for (int g = 1; g <= 8; g++) {
            all.add("G" + g);
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String[] last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            world.addStaff(schoolId, new Medewerker(0, eckId(random), "M" + schoolId + "-" + g,
                    new Persoonsgegevens(last[1], first, last[0].isEmpty() ? null : last[0], first.substring(0, 1) + "."),
                    email(first, last, mailDomain, emails), null, Set.of("Leerkracht"), List.of("G" + g),
                    g >= 5 ? List.of("SG-PLUS") : List.of()));
        }
        world.addStaff(schoolId, new Medewerker(0, eckId(random), "M" + schoolId + "-ict",
                new Persoonsgegevens("Hoekstra", "Marieke", null, "M."), "ict@" + mailDomain, null,
                Set.of("ICTCoordinator", "Leerkracht"), all, List.of("SG-PLUS")));
        world.addStaff(schoolId, new Medewerker(0, eckId(random), "M" + schoolId + "-ib",
                new Persoonsgegevens("Wal", "Johan", "van der", "J."), "ib@" + mailDomain, null, Set.of("IBRTer"),
                List.of(), List.of()));
    }

    /** "emma.vandenberg@…", unique within the school (a second Emma van den Berg gets "emma.vandenberg2@…"). */
    private static String email(String first, String[] last, String domain, Set<String> taken) {
        String name = java.text.Normalizer.normalize((first + "." + last[0] + last[1]).toLowerCase(Locale.ROOT),
                java.text.Normalizer.Form.NFD).replaceAll("[^a-z.]", "");
        String email = name + "@" + domain;
        for (int n = 2; !taken.add(email); n++) {
            email = name + n + "@" + domain;
        }
        return email;
    }

    private static String eckId(SplittableRandom random) {
        byte[] bytes = new byte[64];
        random.nextBytes(bytes);
        return ECK_PREFIX + HexFormat.of().formatHex(bytes);
    }
}
