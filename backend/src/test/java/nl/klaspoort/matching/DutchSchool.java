package nl.klaspoort.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A generated school for the matcher's tests: children with realistic Dutch (and Turkish, Moroccan, Surinamese,
 * Polish, …) names drawn by frequency, siblings and twins, formal voornamen behind roepnamen; then the two lists a
 * school has when it links Basispoort:
 * <ul>
 * <li><b>Basispoort</b>, clean from the school's administration: roepnaam, voorletters, tussenvoegsel apart,
 * jaargroep, "Groep 5A"; plus the children who arrived since;</li>
 * <li><b>Klaspoort</b>, typed by hand over the years: typing errors, tussenvoegsels in the last name or after a comma
 * or missing or abbreviated, accents left out, all voornamen instead of the roepnaam, only initials, a grade behind,
 * groups missing or written otherwise; plus the children who left since.</li>
 * </ul>
 * {@link #truth()} says which local pupil is which Basispoort pupil.
 */
final class DutchSchool {

    /** How often each kind of difference is typed into the local list (fractions of pupils). */
    record Noise(double firstNameTypo, double lastNameTypo, double prefixInLastName, double prefixAfterComma,
            double prefixMissing, double prefixAbbreviated, double accentsDropped, double allGivenNames,
            double initialsOnly, double gradeOffByOne, double groupMissing, double groupOther, double shouting,
            double left, double arrived, boolean birthDates) {

        static Noise realistic() {
            return new Noise(0.05, 0.05, 0.10, 0.04, 0.03, 0.02, 0.5, 0.06, 0.02, 0.03, 0.15, 0.05, 0.03, 0.05, 0.05, false);
        }

        static Noise none() {
            return new Noise(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false);
        }
    }

    private static final String[] BOYS = {"Noah", "Sem", "Liam", "Lucas", "Daan", "Finn", "Levi", "Luuk", "Mees", "James",
            "Milan", "Sam", "Noud", "Benjamin", "Bram", "Luca", "Jesse", "Max", "Thijs", "Adam", "Boaz", "Siem", "Teun",
            "Morris", "Olivier", "Hugo", "Jayden", "Gijs", "Julian", "Thomas", "Ruben", "Tim", "Jens", "Lars", "Stijn",
            "Tijn", "Ties", "Daniël", "David", "Jan", "Sven", "Dex", "Mats", "Owen", "Vince", "Floris", "Tom", "Cas",
            "Jack", "Guus", "Mohammed", "Mohamed", "Ryan", "Hidde", "Otis", "Joep", "Job", "Jurre", "Niek", "Pepijn",
            "Olaf", "Kai", "Koen", "Rayan", "Ayoub", "Yusuf", "Ali", "Omar", "Emir", "Mustafa", "Kerem", "Bilal",
            "Ibrahim", "Hamza", "Amir", "Youssef", "Mehmet", "Emre", "Kacper", "Jakub", "Dani", "Rafael", "Jelle",
            "Wessel", "Quinten", "Sepp", "Bas", "Rens", "Jip", "Fedde", "Hugo", "Lenn", "Mason", "Elias", "Jasper"};
    private static final String[] GIRLS = {"Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva",
            "Liv", "Lotte", "Evi", "Noor", "Anna", "Olivia", "Saar", "Lieke", "Fenna", "Isa", "Fleur", "Sarah", "Lynn",
            "Roos", "Lisa", "Nina", "Esmee", "Ella", "Femke", "Jasmijn", "Elin", "Maud", "Vera", "Hanna", "Sofie", "Amy",
            "Lina", "Nova", "Luna", "Mia", "Lara", "Ilse", "Floor", "Sophia", "Suze", "Jill", "Linde", "Feline", "Fay",
            "Elif", "Zeynep", "Meryem", "Aya", "Nour", "Hiba", "Ayşe", "Noëlle", "Chloë", "Anouk", "Iris", "Merel",
            "Puck", "Loïs", "Elise", "Amira", "Inaya", "Jade", "Romy", "Benthe", "Fiene", "Hailey", "Ivy", "Dewi",
            "Kiki", "Madelief", "Norah", "Rosalie", "Senna", "Sanne", "Tara", "Vajèn", "Zara", "Hatice", "Yasmina",
            "Zuzanna", "Maja", "Lena", "Myrthe", "Isabel", "Naomi", "Charlotte", "Emily", "Féline"};
    /** Roepnaam → the formal voornaam it stands for in the birth register. */
    private static final Map<String, String> FORMAL = Map.ofEntries(Map.entry("Bram", "Abraham"),
            Map.entry("Daan", "Daniël"), Map.entry("Thijs", "Matthijs"), Map.entry("Jan", "Johannes"),
            Map.entry("Luuk", "Lucas"), Map.entry("Gijs", "Gijsbert"), Map.entry("Teun", "Antonius"),
            Map.entry("Guus", "Augustus"), Map.entry("Koen", "Koenraad"), Map.entry("Joep", "Josephus"),
            Map.entry("Niek", "Nicolaas"), Map.entry("Tim", "Timotheus"), Map.entry("Bas", "Sebastiaan"),
            Map.entry("Lotte", "Charlotte"), Map.entry("Saar", "Sara"), Map.entry("Roos", "Rosalie"),
            Map.entry("Noor", "Eleonora"), Map.entry("Isa", "Isabella"), Map.entry("Liv", "Olivia"),
            Map.entry("Evi", "Evelien"), Map.entry("Tess", "Tessa"), Map.entry("Femke", "Femmigje"),
            Map.entry("Sam", "Samuel"), Map.entry("Max", "Maximiliaan"), Map.entry("Tom", "Thomas"));
    private static final String[] MIDDLE = {"Maria", "Johanna", "Elisabeth", "Catharina", "Wilhelmina", "Anna",
            "Johannes", "Petrus", "Cornelis", "Hendrik", "Willem", "Jacobus", "Pieter", "Marinus", "Adriaan", "Sophie",
            "Louise", "Alexander", "Frederik", "Christiaan", "Theodora", "Geertruida", "Nour", "Ahmed", "Fatima"};
    /** {prefix, last name} by frequency (most common first). */
    private static final String[][] SURNAMES = {{"de", "Jong"}, {"", "Jansen"}, {"de", "Vries"}, {"van den", "Berg"},
            {"van", "Dijk"}, {"", "Bakker"}, {"", "Janssen"}, {"", "Visser"}, {"", "Smit"}, {"", "Meijer"}, {"de", "Boer"},
            {"", "Mulder"}, {"de", "Groot"}, {"", "Bos"}, {"", "Vos"}, {"", "Peters"}, {"", "Hendriks"},
            {"van", "Leeuwen"}, {"", "Dekker"}, {"", "Brouwer"}, {"de", "Wit"}, {"", "Dijkstra"}, {"", "Smits"},
            {"de", "Graaf"}, {"van der", "Meer"}, {"van der", "Linden"}, {"", "Kok"}, {"", "Jacobs"}, {"de", "Haan"},
            {"", "Vermeulen"}, {"van den", "Heuvel"}, {"van der", "Veen"}, {"van den", "Broek"}, {"de", "Bruijn"},
            {"de", "Bruin"}, {"van der", "Heijden"}, {"", "Schouten"}, {"van", "Beek"}, {"", "Willems"}, {"van", "Vliet"},
            {"van de", "Ven"}, {"", "Hoekstra"}, {"", "Maas"}, {"", "Verhoeven"}, {"", "Koster"}, {"van", "Dam"},
            {"van der", "Wal"}, {"", "Prins"}, {"", "Blom"}, {"", "Huisman"}, {"", "Peeters"}, {"de", "Jonge"},
            {"", "Kuipers"}, {"van", "Wijk"}, {"", "Post"}, {"", "Kuiper"}, {"", "Veenstra"}, {"", "Kramer"},
            {"van den", "Brink"}, {"", "Scholten"}, {"van", "Wijngaarden"}, {"", "Martens"}, {"", "Vonk"},
            {"van der", "Ploeg"}, {"van", "Os"}, {"", "Timmermans"}, {"", "Groen"}, {"", "Boer"}, {"", "Jong"},
            {"", "Gerritsen"}, {"", "Bosch"}, {"", "Evers"}, {"van", "Rijn"}, {"", "Wouters"}, {"", "Sanders"},
            {"", "Hermans"}, {"", "Vink"}, {"", "Bakker"}, {"van 't", "Hof"}, {"ter", "Horst"}, {"ten", "Brink"},
            {"", "Yılmaz"}, {"", "Kaya"}, {"", "Demir"}, {"", "Şahin"}, {"", "Çelik"}, {"", "Yıldız"}, {"", "Öztürk"},
            {"", "Aydın"}, {"", "Özdemir"}, {"", "Arslan"}, {"", "Doğan"}, {"", "El Amrani"}, {"", "El Idrissi"},
            {"", "Bouzid"}, {"", "Benali"}, {"", "Amrani"}, {"", "Haddou"}, {"", "Ahmadi"}, {"", "Nguyen"}, {"", "Tran"},
            {"", "Kowalski"}, {"", "Nowak"}, {"", "Wiśniewski"}, {"", "Lewandowski"}, {"dos", "Santos"},
            {"da", "Silva"}, {"", "Rodrigues"}, {"", "Pinas"}, {"", "Sedney"}, {"", "Ramdin"}, {"", "Ramsaran"},
            {"", "Mahabier"}, {"", "Biharie"}, {"", "Kartosen"}, {"", "Tjon"}, {"", "Mohan"}, {"", "Bulut"},
            {"", "Korkmaz"}, {"", "Aksoy"}, {"", "Bouali"}, {"", "Chaouch"}, {"el", "Khatib"}, {"", "Aboutaleb"},
            {"van", "Gils"}, {"van", "Hout"}, {"de", "Lange"}, {"", "Hoogendoorn"}, {"", "Zwart"}, {"", "Verbeek"},
            {"", "Kroon"}, {"", "Schipper"}, {"", "Hoekman"}, {"van", "Veen"}, {"", "Drost"}, {"", "Kamp"},
            {"van der", "Zee"}, {"", "Nijhof"}, {"", "Mol"}, {"", "Spijker"}, {"", "Stam"}, {"", "Koopman"},
            {"", "Wolters"}, {"", "Hofman"}, {"", "Boon"}, {"", "Bouwman"}, {"", "Claassen"}, {"", "Brands"},
            {"", "Lammers"}, {"de", "Ridder"}, {"van", "Doorn"}, {"", "Wijnen"}, {"", "Pauw"}, {"", "Heemskerk"},
            {"van", "Schaik"}, {"", "Oosterhout"}, {"", "Rutten"}, {"", "Goossens"}, {"", "Verschuren"}, {"", "Dirks"}};

    /**
     * How names are spread. REALISTIC: the common names by frequency and, for half of the families, one of some
     * thousands of rarer last names (the Netherlands has about 300,000), as in a real school; CROWDED: only the common
     * names, steeply by frequency, so namesakes in one grade are frequent — a stress test for ambiguity.
     */
    enum Spread { REALISTIC, CROWDED }

    private static final String[] STEMS = {"Hoog", "Laag", "Groot", "Klein", "Wester", "Ooster", "Noorder", "Zuider",
            "Berg", "Bos", "Brug", "Dijk", "Veen", "Meer", "Kamp", "Horst", "Broek", "Hof", "Molen", "Kerk", "Lin",
            "Ros", "Stroo", "Vis", "Wolf", "Hol", "Haar", "Ven", "Zand", "Eik", "Beuk", "Linde", "Wil", "Riet", "Heide",
            "Akker", "Weide", "Wouden", "Hamer", "Smeding", "Bakel", "Ruiter", "Hooge", "Nieuw", "Oud", "Mid", "Elzen"};
    private static final String[] ENDINGS = {"man", "mans", "land", "huis", "kamp", "stra", "sma", "inga", "ink", "ing",
            "er", "ers", "hof", "dijk", "berg", "veld", "meijer", "beek", "horst", "boom", "brink", "stein", "weg",
            "ema", "enga", "ens", "sen", "ma", "hout", "wijk"};
    private static final String[] TAIL_PREFIXES = {"", "", "", "", "van", "van de", "van der", "ter", "ten", "de"};

    /** A child as they really are. */
    record Child(String roepnaam, List<String> voornamen, String prefix, String lastName, int grade, String group,
            LocalDate born) {
    }

    private final SplittableRandom random;
    private final Noise noise;
    private final Spread spread;
    private final List<Pupil> local = new ArrayList<>();
    private final List<Pupil> basispoort = new ArrayList<>();
    private final Map<Long, Long> truth = new HashMap<>();

    private DutchSchool(long seed, Noise noise, Spread spread) {
        this.random = new SplittableRandom(seed);
        this.noise = noise;
        this.spread = spread;
    }

    /** About {@code pupils} children on each side (some left, some arrived). */
    static DutchSchool generate(int pupils, long seed, Noise noise, Spread spread) {
        DutchSchool school = new DutchSchool(seed, noise, spread);
        school.fill(pupils);
        return school;
    }

    /** A family's last name: common by frequency, or (REALISTIC, half of them) a rarer one. */
    private String[] surname() {
        if (spread == Spread.REALISTIC && random.nextBoolean()) {
            return new String[] {TAIL_PREFIXES[random.nextInt(TAIL_PREFIXES.length)],
                    STEMS[random.nextInt(STEMS.length)] + ENDINGS[random.nextInt(ENDINGS.length)]};
        }
        return SURNAMES[zipf(SURNAMES.length)];
    }

    List<Pupil> local() {
        return local;
    }

    List<Pupil> basispoort() {
        return basispoort;
    }

    /** Local id → Basispoort id, for the children on both lists. */
    Map<Long, Long> truth() {
        return truth;
    }

    private void fill(int pupils) {
        int groupsPerGrade = Math.max(1, pupils / 8 / 28);
        List<Child> children = new ArrayList<>();
        while (children.size() < pupils) {
            // a family: one to three children, now and then twins
            String[] surname = surname();
            int size = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 7 ? 1 : 2);
            int grade = 0;
            for (int c = 0; c < size && children.size() < pupils; c++) {
                boolean twin = c > 0 && random.nextInt(50) == 0;
                grade = twin ? grade : 1 + random.nextInt(8);
                children.add(child(surname, grade, groupsPerGrade));
            }
        }
        long localId = 1;
        long remoteId = 5_000_001;
        for (Child child : children) {
            boolean left = random.nextDouble() < noise.left();
            if (left) {
                local.add(typed(localId++, child));
                continue;
            }
            long remote = remoteId++;
            basispoort.add(fromAdministration(remote, child));
            long id = localId++;
            local.add(typed(id, child));
            truth.put(id, remote);
        }
        int arrivals = (int) Math.round(pupils * noise.arrived());
        for (int i = 0; i < arrivals; i++) {
            String[] surname = surname();
            basispoort.add(fromAdministration(remoteId++, child(surname, 1 + random.nextInt(8), groupsPerGrade)));
        }
    }

    private Child child(String[] surname, int grade, int groupsPerGrade) {
        boolean girl = random.nextBoolean();
        String[] names = girl ? GIRLS : BOYS;
        String roepnaam = names[zipf(names.length)];
        List<String> voornamen = new ArrayList<>();
        voornamen.add(FORMAL.getOrDefault(roepnaam, roepnaam));
        for (int m = random.nextInt(3); m > 0; m--) {
            voornamen.add(MIDDLE[random.nextInt(MIDDLE.length)]);
        }
        String group = grade + String.valueOf((char) ('A' + random.nextInt(groupsPerGrade)));
        LocalDate born = LocalDate.of(2026 - 5 - grade, 1, 1).plusDays(random.nextInt(365) - 240);
        return new Child(roepnaam, voornamen, surname[0], surname[1], grade, group, born);
    }

    /** Frequency by rank: the first names of the lists are the most given ones (steeper when CROWDED). */
    private int zipf(int n) {
        double exponent = spread == Spread.CROWDED ? 0.8 : 0.5;
        double total = 0;
        for (int i = 1; i <= n; i++) {
            total += Math.pow(i, -exponent);
        }
        double pick = random.nextDouble() * total;
        for (int i = 1; i <= n; i++) {
            pick -= Math.pow(i, -exponent);
            if (pick <= 0) {
                return i - 1;
            }
        }
        return n - 1;
    }

    private Pupil fromAdministration(long id, Child child) {
        String initials = String.join("", child.voornamen().stream().map(v -> v.charAt(0) + ".").toList());
        return new Pupil(id, child.roepnaam(), null, initials, child.prefix().isEmpty() ? null : child.prefix(),
                child.lastName(), String.valueOf(child.grade()), "Groep " + child.group(),
                noise.birthDates() ? child.born() : null);
    }

    /** The child as a school typed them into Klaspoort, with the noise. */
    private Pupil typed(long id, Child child) {
        String first = child.roepnaam();
        if (chance(noise.allGivenNames())) {
            first = String.join(" ", child.voornamen());
        } else if (chance(noise.initialsOnly())) {
            first = String.join("", child.voornamen().stream().map(v -> v.charAt(0) + ".").toList());
        }
        String prefix = child.prefix();
        String last = child.lastName();
        if (chance(noise.firstNameTypo()) && first.length() > 3) {
            first = typo(first);
        }
        if (chance(noise.lastNameTypo())) {
            last = typo(last);
        }
        if (!prefix.isEmpty()) {
            if (chance(noise.prefixInLastName())) {
                last = prefix + " " + last;
                prefix = "";
            } else if (chance(noise.prefixAfterComma())) {
                last = last + ", " + prefix;
                prefix = "";
            } else if (chance(noise.prefixMissing())) {
                prefix = "";
            } else if (chance(noise.prefixAbbreviated()) && prefix.startsWith("van d")) {
                prefix = "v.d.";
            }
        }
        if (chance(noise.accentsDropped())) {
            first = plain(first);
            last = plain(last);
        }
        if (chance(noise.shouting())) {
            first = first.toUpperCase(Locale.ROOT);
            last = last.toUpperCase(Locale.ROOT);
        } else if (chance(noise.shouting())) {
            first = first.toLowerCase(Locale.ROOT);
            last = last.toLowerCase(Locale.ROOT);
        }
        int grade = child.grade();
        if (chance(noise.gradeOffByOne())) {
            grade = grade == 1 ? 2 : grade - 1;
        }
        String group = chance(noise.groupMissing()) ? null : chance(noise.groupOther())
                ? grade + String.valueOf((char) ('A' + random.nextInt(3))) : switch (random.nextInt(3)) {
                    case 0 -> child.group().toLowerCase(Locale.ROOT);
                    case 1 -> "groep " + child.group();
                    default -> child.group();
                };
        return new Pupil(id, first, null, null, prefix.isEmpty() ? null : prefix, last, String.valueOf(grade), group,
                noise.birthDates() && !chance(0.01) ? child.born() : noise.birthDates() ? child.born().plusDays(1) : null);
    }

    /** One typing error: a letter wrong, missing, doubled or two letters swapped. */
    private String typo(String text) {
        int at = 1 + random.nextInt(Math.max(1, text.length() - 2));
        char c = text.charAt(at);
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, at) + (char) ('a' + random.nextInt(26)) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + text.substring(at + 1);
            case 2 -> text.substring(0, at) + c + text.substring(at);
            default -> at + 1 < text.length() ? text.substring(0, at) + text.charAt(at + 1) + c + text.substring(at + 2)
                    : text.substring(0, at);
        };
    }

    private static String plain(String text) {
        return java.text.Normalizer.normalize(text.replace('ı', 'i'), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }

    private boolean chance(double p) {
        return p > 0 && random.nextDouble() < p;
    }
}
