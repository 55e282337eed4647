package nl.klaspoort.edexml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BP6: the EDEXML samples behave as their README says, and every refusal names its line and a Dutch reason (X3). */
class EdexmlReaderTest {

    private final EdexmlReader reader = new EdexmlReader();

    @ParameterizedTest
    @ValueSource(strings = {"EDEXML.1.03.cito-export-400.xml", "EDEXML.Voorbeeld.2.0.xml", "EDEXML.Voorbeeld.2.0-Vla.xml",
            "EDEXML.Voorbeeld.2.1.xml", "EDEXML.Voorbeeld.2.1-Vla.xml"})
    @DisplayName("BP6 every valid sample of 1.03, 2.0 and 2.1 is accepted by the one (2.1) schema")
    void validSamplesAreAccepted(String sample) {
        EdexmlResult result = read(sample);

        assertThat(result.errors()).isEmpty();
        assertThat(result.accepted()).isTrue();
        assertThat(result.snapshot().students()).isNotEmpty();
    }

    @Test
    @DisplayName("BP6 the invalid sample is refused with its line and a Dutch reason")
    void invalidJaargroepIsRefusedWithLineAndReason() {
        EdexmlResult result = read("EDEXML.1.03.invalid-jaargroep.xml");

        assertThat(result.accepted()).isFalse();
        assertThat(result.errors()).containsExactly(new RowError(15, "Groep \"49\" (1A): jaargroep \"100\" bestaat niet; "
                + "toegestaan zijn B, D, 0 t/m 8, 11 t/m 16, S, V, C, N en H."));
        assertThat(result.preview().toJson()).isEqualTo("{\"accepted\": false, \"students\": 400, \"teachers\": 29, "
                + "\"groups\": 19, \"errors\": [{\"line\": 15, \"message\": \"Groep \\\"49\\\" (1A): jaargroep \\\"100\\\" "
                + "bestaat niet; toegestaan zijn B, D, 0 t/m 8, 11 t/m 16, S, V, C, N en H.\"}]}");
    }

    @Test
    void version21ExampleIsNormalised() {
        RosterSnapshot snapshot = read("EDEXML.Voorbeeld.2.1.xml").snapshot();

        assertThat(snapshot.school()).isEqualTo(new RosterSchool("2014-2015", "99ZZ", null, null, "41323"));
        assertThat(snapshot.groups()).extracting(RosterGroup::key)
                .containsExactly("001", "sg3", "002", "003", "GRP4A", "GRP4B", "sg1", "sg2");
        assertThat(snapshot.groups()).filteredOn(RosterGroup::composite).extracting(RosterGroup::jaargroep)
                .containsOnlyNulls();
        assertThat(group(snapshot, "001").jaargroep()).isEqualTo("0");

        RosterStudent wimpie = student(snapshot, "00001");
        assertThat(wimpie.eckId()).startsWith("https://id.school/LL_");
        assertThat(wimpie.name()).isEqualTo(new PersonName("ie", "imp", null, "Wimpie", "W"));
        assertThat(wimpie.jaargroep()).isEqualTo("4");
        assertThat(wimpie.groupKey()).isEqualTo("GRP4B");
        assertThat(wimpie.compositeGroupKeys()).containsExactly("sg1", "sg2");
        assertThat(wimpie.birthDate()).isEqualTo(LocalDate.of(2006, 6, 21));
        assertThat(wimpie.line()).isEqualTo(77);

        RosterStudent gradje = student(snapshot, "12345");
        assertThat(gradje.jaargroep()).isEqualTo("H");
        assertThat(gradje.name().voorvoegsel()).isEqualTo("van 't");
        assertThat(gradje.instroomdatum()).isEqualTo(LocalDate.of(2010, 8, 19));
        assertThat(gradje.uitstroomdatum()).isEqualTo(LocalDate.of(2014, 7, 18));
        assertThat(gradje.leftOn(LocalDate.of(2014, 7, 18))).isTrue();
        assertThat(student(snapshot, "00002").name().firstName()).isEqualTo("Ismaël");

        assertThat(snapshot.teachers()).extracting(RosterTeacher::key).containsExactly("LK1", "LK2", "LK3");
        RosterTeacher uilke = snapshot.teachers().get(1);
        assertThat(uilke.groupKeys()).containsExactly("002", "sg1", "001", "sg2", "sg3");
        assertThat(uilke.name()).isEqualTo(new PersonName("Veldman", null, null, "Uilke", "UGH"));
    }

    @Test
    void flemishSchoolIsIdentifiedByInstellingsnummer() {
        RosterSchool school = read("EDEXML.Voorbeeld.2.1-Vla.xml").snapshot().school();

        assertThat(school.brincode()).isNull();
        assertThat(school.instellingsnummer()).isNotBlank();
    }

    @Test
    @DisplayName("BP6 a pupil's own jaargroep wins over the group's; without one the group's is used")
    void studentJaargroepFallsBackToTheGroup() {
        RosterSnapshot snapshot = read("EDEXML.1.03.cito-export-400.xml").snapshot();

        assertThat(snapshot.school()).isEqualTo(new RosterSchool("2012-2013", "99XX", "99", null, "99999"));
        assertThat(snapshot.students()).hasSize(400);
        RosterStudent savannah = student(snapshot, "1071");
        assertThat(savannah.groupKey()).isEqualTo("192");
        assertThat(savannah.jaargroep()).isEqualTo(group(snapshot, "192").jaargroep());
        assertThat(student(snapshot, "3580").jaargroep()).isEqualTo("4");
        assertThat(student(snapshot, "3580").name()).isEqualTo(new PersonName("Aa", "v. d.", null, "Anouska", null));
        assertThat(snapshot.teachers()).filteredOn(t -> t.key().equals("112")).singleElement()
                .satisfies(t -> assertThat(t.name().achternaam()).isEqualTo("Willems-Götschenberg"));
    }

    @Test
    @DisplayName("BP6 data minimisation: BSN, gender, nationality and weights are not kept")
    void sensitiveFieldsAreNotKept() {
        String components = Arrays.stream(RosterStudent.class.getRecordComponents())
                .map(c -> c.getName().toLowerCase()).collect(Collectors.joining(","));

        assertThat(components).doesNotContain("bsn", "geslacht", "gender", "land", "gewicht", "etniciteit", "postcode");
        assertThat(read("EDEXML.Voorbeeld.2.1.xml").snapshot().toString()).doesNotContain("133456785", "6971VB");
    }

    @Test
    @DisplayName("BP6 every jaargroep EDEXML allows is kept as written")
    void everyJaargroepValueIsKept() {
        StringBuilder groups = new StringBuilder();
        StringBuilder students = new StringBuilder();
        for (String value : Jaargroep.VALUES) {
            groups.append("<groep key=\"g").append(value).append("\"><naam>").append(value)
                    .append("</naam><jaargroep>").append(value).append("</jaargroep></groep>");
            students.append("<leerling key=\"s").append(value).append("\"><achternaam>Jansen</achternaam><jaargroep>")
                    .append(value).append("</jaargroep></leerling>");
        }
        EdexmlResult result = reader.read(utf8(edex("2025-2026", groups.toString(), students.toString(), "")));

        assertThat(result.errors()).isEmpty();
        assertThat(result.snapshot().students()).extracting(RosterStudent::jaargroep)
                .containsExactlyElementsOf(Jaargroep.VALUES);
    }

    @Test
    @DisplayName("BP6 current school years pass although the schema's enumeration ends at 2024-2025")
    void schooljaarIsRelaxedButChecked() {
        assertThat(reader.read(utf8(edex("2026-2027", "", pupil("1", ""), ""))).errors()).isEmpty();

        assertThat(reader.read(utf8(edex("2026-2028", "", pupil("1", ""), ""))).errors())
                .extracting(RowError::message).singleElement().asString()
                .contains("schooljaar \"2026-2028\" is ongeldig");
        assertThat(reader.read(utf8(edex("26-27", "", pupil("1", ""), ""))).errors())
                .containsExactly(new RowError(3, "School: schooljaar \"26-27\" is ongeldig; verwacht bijvoorbeeld \"2025-2026\"."));
    }

    @Test
    @DisplayName("BP6 supplier toevoegingen with types outside the public schema are ignored")
    void supplierBlocksAreIgnored() {
        String pupil = """
                <leerling key="1"><achternaam>Jansen</achternaam><jaargroep>5</jaargroep>
                <toevoegingen xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:p="urn:parnassys">
                  <blok xsi:type="p:ZorgGegevensType"><code>Z</code><p:geheim><p:bsn>123456782</p:bsn></p:geheim></blok>
                </toevoegingen></leerling>""";

        EdexmlResult result = reader.read(utf8(edex("2025-2026", "", pupil, "")));

        assertThat(result.errors()).isEmpty();
        assertThat(result.snapshot().toString()).doesNotContain("123456782");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO-8859-1", "windows-1252", "UTF-16", "UTF-8"})
    @DisplayName("BP6 any encoding the XML declares is read")
    void declaredEncodingsAreRead(String encoding) {
        String xml = edex("2025-2026", "", "<leerling key=\"1\"><achternaam>Çelik-Götze</achternaam>"
                + "<voorvoegsel>’t</voorvoegsel><roepnaam>Noëlle</roepnaam></leerling>", "")
                .replace("encoding=\"UTF-8\"", "encoding=\"" + encoding + "\"");
        Charset charset = Charset.forName(encoding);
        String content = encoding.equals("ISO-8859-1") ? xml.replace("’", "'") : xml;

        EdexmlResult result = reader.read(new ByteArrayInputStream(content.getBytes(charset)));

        assertThat(result.errors()).isEmpty();
        assertThat(result.snapshot().students().getFirst().name().achternaam()).isEqualTo("Çelik-Götze");
        assertThat(result.snapshot().students().getFirst().name().roepnaam()).isEqualTo("Noëlle");
    }

    @Test
    @DisplayName("BP6 a DOCTYPE is refused: no DTD, no entity expansion, no external entity")
    void doctypeIsRefused() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE EDEX [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <EDEX>&b;</EDEX>""";
        String external = """
                <?xml version="1.0"?>
                <!DOCTYPE EDEX [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <EDEX><school><schooljaar>&x;</schooljaar></school></EDEX>""";

        for (String xml : new String[] {laughs, external}) {
            EdexmlResult result = reader.read(utf8(xml));
            assertThat(result.accepted()).isFalse();
            assertThat(result.errors()).containsExactly(
                    new RowError(2, "Een DOCTYPE (DTD) is niet toegestaan in een EDEXML-bestand."));
            assertThat(result.snapshot().toString()).doesNotContain("root:", "lol");
        }
    }

    @Test
    @DisplayName("BP6 size and depth are bounded")
    void sizeAndDepthAreBounded() throws IOException {
        EdexmlReader small = new EdexmlReader(new EdexmlReader.Limits(64 * 1024, 32, 100));
        try (InputStream in = sample("EDEXML.1.03.cito-export-400.xml")) {
            assertThat(small.read(in).errors()).containsExactly(new RowError(0, "Het bestand is groter dan 0 MB."));
        }
        EdexmlReader tiny = new EdexmlReader(new EdexmlReader.Limits(2L * 1024 * 1024, 32, 100));
        try (InputStream in = sample("EDEXML.1.03.cito-export-400.xml")) {
            assertThat(tiny.read(in).errors()).isEmpty();
        }

        String deep = "<a>".repeat(40) + "</a>".repeat(40);
        String pupil = "<leerling key=\"1\"><achternaam>Jansen</achternaam><toevoegingen><blok>" + deep
                + "</blok></toevoegingen></leerling>";
        EdexmlResult result = reader.read(utf8(edex("2025-2026", "", pupil, "")));
        assertThat(result.errors()).extracting(RowError::message)
                .containsExactly("Het bestand is te diep genest (meer dan 32 niveaus).");
    }

    @Test
    @DisplayName("X3 wrong references, duplicate keys and missing names are refused per row")
    void rowErrorsNameTheirRow() {
        String groups = "<groep key=\"g5\"><naam>5A</naam><jaargroep>5</jaargroep></groep>\n"
                + "<samengestelde_groep key=\"sg\"><naam>Plus</naam></samengestelde_groep>";
        String students = pupil("1", "<groep key=\"g5\"/>") + "\n"
                + pupil("1", "") + "\n"
                + pupil("2", "<groep key=\"onbekend\"/>") + "\n"
                + pupil("3", "<groep key=\"sg\"/>") + "\n"
                + "<leerling key=\"4\"><voorvoegsel>de</voorvoegsel></leerling>";
        String teachers = "<leerkracht key=\"t1\"><achternaam>Smit</achternaam><groepen><samengestelde_groep key=\"g5\"/>"
                + "</groepen></leerkracht>";

        EdexmlResult result = reader.read(utf8(edex("2025-2026", groups, students, teachers)));

        assertThat(result.accepted()).isFalse();
        assertThat(result.errors()).containsExactly(
                new RowError(9, "Leerling \"1\": de sleutel komt al voor op regel 8."),
                new RowError(10, "Leerling \"2\": groep \"onbekend\" bestaat niet in dit bestand."),
                new RowError(11, "Leerling \"3\": \"sg\" is een samengestelde groep, geen groep."),
                new RowError(12, "Leerling \"4\": element <voorvoegsel> hoort hier niet; verwacht: achternaam, roepnaam."),
                new RowError(13, "Leerkracht \"t1\": \"g5\" is een groep, geen samengestelde groep."));
    }

    @Test
    @DisplayName("X3 an ECK iD used twice is refused without printing it")
    void duplicateEckIdIsRefused() {
        String eckId = "https://ketenid.nl/201703/" + "ab".repeat(64);
        String students = "<leerling key=\"1\" eckid=\"" + eckId + "\"><achternaam>Jansen</achternaam></leerling>\n"
                + "<leerling key=\"2\" eckid=\"" + eckId + "\"><achternaam>Smit</achternaam></leerling>";

        EdexmlResult result = reader.read(utf8(edex("2025-2026", "", students, "")));

        assertThat(result.errors()).containsExactly(
                new RowError(8, "Leerling \"2\": hetzelfde ECK iD staat ook bij leerling \"1\" (regel 7)."));
    }

    @Test
    void notXmlIsRefused() {
        assertThat(reader.read(utf8("")).errors()).extracting(RowError::message)
                .containsExactly("Het bestand is leeg of is geen XML.");
        assertThat(reader.read(utf8("<EDEX><school>")).accepted()).isFalse();
        assertThat(reader.read(utf8("<?xml version=\"1.0\"?>\n<leerlingen/>")).errors())
                .containsExactly(new RowError(2, "Dit is geen EDEXML-bestand: het hoofdelement is <leerlingen> in plaats van <EDEX>."));
        assertThat(reader.read(Path.of("/bestaat/niet.xml")).errors())
                .containsExactly(new RowError(0, "Het bestand bestaat niet."));
    }

    @Test
    @DisplayName("BP6 --edexml-preview=FILE prints the preview and exits 0 for an accepted file, 1 for a refused one")
    void previewCommand(@TempDir Path dir) throws IOException {
        Path valid = dir.resolve("valid.xml");
        Path invalid = dir.resolve("invalid.xml");
        try (InputStream in = sample("EDEXML.Voorbeeld.2.1.xml")) {
            Files.copy(in, valid);
        }
        try (InputStream in = sample("EDEXML.1.03.invalid-jaargroep.xml")) {
            Files.copy(in, invalid);
        }

        assertThat(command("--edexml-preview=" + valid)).isEqualTo("0 {\"accepted\": true, \"students\": 3, "
                + "\"teachers\": 3, \"groups\": 8, \"errors\": []}");
        assertThat(command("--edexml-preview=" + invalid)).startsWith("1 {\"accepted\": false, \"students\": 400, ")
                .contains("{\"line\": 15, \"message\": \"Groep \\\"49\\\" (1A): jaargroep \\\"100\\\" bestaat niet;");
        assertThat(command("--server.port=8080")).isEqualTo("none ");
    }

    // ---- helpers ----

    private static String command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OptionalInt exit = EdexmlPreviewCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return (exit.isPresent() ? String.valueOf(exit.getAsInt()) : "none") + " " + out.toString(StandardCharsets.UTF_8).strip();
    }

    private EdexmlResult read(String sample) {
        try (InputStream in = sample(sample)) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream sample(String name) {
        InputStream in = EdexmlReaderTest.class.getResourceAsStream("/samples/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static RosterStudent student(RosterSnapshot snapshot, String key) {
        return find(snapshot.students(), RosterStudent::key, key);
    }

    private static RosterGroup group(RosterSnapshot snapshot, String key) {
        return find(snapshot.groups(), RosterGroup::key, key);
    }

    private static <T> T find(java.util.List<T> list, Function<T, String> key, String value) {
        return list.stream().filter(t -> key.apply(t).equals(value)).findFirst().orElseThrow();
    }

    private static String pupil(String key, String group) {
        return "<leerling key=\"" + key + "\"><achternaam>Jansen</achternaam><jaargroep>5</jaargroep>" + group + "</leerling>";
    }

    /** A minimal file: line 3 holds the schooljaar, line 5 the groups; pupils start on the line after {@code <leerlingen>}. */
    static String edex(String schooljaar, String groups, String students, String teachers) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<EDEX><school>\n"
                + "<schooljaar>" + schooljaar + "</schooljaar><brincode>99KP</brincode>\n"
                + "</school>\n"
                + (groups.isEmpty() ? "" : "<groepen>" + groups + "</groepen>") + "\n"
                + "<leerlingen>\n"
                + students + "\n"
                + "</leerlingen>"
                + (teachers.isEmpty() ? "" : "<leerkrachten>" + teachers + "</leerkrachten>")
                + "</EDEX>\n";
    }

    private static InputStream utf8(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
