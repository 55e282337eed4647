package nl.klaspoort.edexml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BP6 target: the preview of a 20,000-pupil EDEXML file takes at most 2 s with the heap at 256 MB. Each run is a fresh
 * JVM ({@code -Xmx256m}) running {@code --edexml-preview=FILE} exactly as support staff would (JVM start included).
 */
@Tag("bench")
class EdexmlPreviewBenchmarkTest {

    static final int PUPILS = 20_000;
    static final int RUNS = 5;

    @Test
    void preview20000PupilsIn256MegabytesOfHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("edexml-20000.xml");
        generate(file, PUPILS);

        List<Long> millis = new ArrayList<>();
        String output = null;
        for (int run = 0; run < RUNS; run++) {
            Path out = dir.resolve("out-" + run + ".json");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), EdexmlPreviewCommand.class.getName(),
                    "--edexml-preview=" + file)
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(process.exitValue()).as(Files.readString(out)).isZero();
            output = Files.readString(out);
        }
        List<Long> sorted = millis.stream().sorted().toList();
        long median = sorted.get(RUNS / 2);
        System.out.printf("EDEXML preview, %,d pupils (%,d bytes), -Xmx256m, fresh JVM per run: runs %s ms, median %d ms%n",
                PUPILS, Files.size(file), millis, median);

        assertThat(output).startsWith("{\"accepted\": true, \"students\": 20000, \"teachers\": 800, \"groups\": 900,");
        assertThat(median).as("median wall time of the preview (ms)").isLessThanOrEqualTo(2_000);
    }

    /** A realistic 2.1 file: 800 groups of 25 (groups 1–8), 100 composite groups, one teacher per group, Dutch names. */
    static void generate(Path file, int pupils) throws IOException {
        String[] firstNames = {"Sem", "Noah", "Liam", "Lucas", "Daan", "Finn", "Levi", "Milan", "Emma", "Julia", "Mila",
                "Tess", "Sophie", "Zoë", "Noëlle", "Anouk", "Fleur", "Saar", "Mohamed", "Yara"};
        String[][] lastNames = {{"", "Jong"}, {"de", "Vries"}, {"van den", "Berg"}, {"van", "Dijk"}, {"", "Bakker"},
                {"", "Janssen"}, {"", "Visser"}, {"", "Smit"}, {"", "Meijer"}, {"de", "Boer"}, {"", "Mulder"},
                {"de", "Groot"}, {"", "Bos"}, {"", "Vos"}, {"", "Peters"}, {"", "Hendriks"}, {"van", "Leeuwen"},
                {"", "Dekker"}, {"", "Brouwer"}, {"de", "Wit"}, {"", "Çelik"}, {"", "Yılmaz"}, {"van 't", "Hof"}};
        SplittableRandom random = new SplittableRandom(11);
        int groups = pupils / 25;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EDEX>\n<school><schooljaar>2026-2027</schooljaar>"
                    + "<peildatum>2026-10-01</peildatum><brincode>99KP</brincode><dependancecode>00</dependancecode>"
                    + "<schoolkey>4711</schoolkey><xsdversie>2.1</xsdversie></school>\n<groepen>\n");
            for (int g = 0; g < groups; g++) {
                int jaargroep = g % 8 + 1;
                out.write("<groep key=\"G" + g + "\"><naam>" + jaargroep + (char) ('A' + g / 8 % 26) + "-" + g
                        + "</naam><jaargroep>" + jaargroep + "</jaargroep></groep>\n");
            }
            for (int c = 0; c < 100; c++) {
                out.write("<samengestelde_groep key=\"SG" + c + "\"><naam>Plusgroep " + c + "</naam></samengestelde_groep>\n");
            }
            out.write("</groepen>\n<leerlingen>\n");
            for (int p = 0; p < pupils; p++) {
                String[] last = lastNames[random.nextInt(lastNames.length)];
                String first = firstNames[random.nextInt(firstNames.length)];
                int group = p % groups;
                out.write("<leerling key=\"L" + p + "\" eckid=\"https://ketenid.nl/201703/" + hex(random) + "\">"
                        + "<achternaam>" + last[1] + "</achternaam>"
                        + (last[0].isEmpty() ? "" : "<voorvoegsel>" + last[0] + "</voorvoegsel>")
                        + "<voornamen>" + first + " Maria</voornamen><voorletters-1>" + first.charAt(0) + "M</voorletters-1>"
                        + "<roepnaam>" + first + "</roepnaam><geboortedatum>" + (2014 + group % 8) + "-0"
                        + (1 + p % 9) + "-1" + (p % 9) + "</geboortedatum><geslacht>" + (1 + p % 2) + "</geslacht>"
                        + "<jaargroep>" + (group % 8 + 1) + "</jaargroep><groep key=\"G" + group + "\"/>"
                        + (p % 10 == 0 ? "<samengestelde_groepen><samengestelde_groep key=\"SG" + p % 100
                                + "\"/></samengestelde_groepen>" : "")
                        + "<bsn>123456782</bsn><instroomdatum>2022-08-2" + p % 10 + "</instroomdatum></leerling>\n");
            }
            out.write("</leerlingen>\n<leerkrachten>\n");
            for (int t = 0; t < groups; t++) {
                String[] last = lastNames[t % lastNames.length];
                out.write("<leerkracht key=\"T" + t + "\"><achternaam>" + last[1] + "</achternaam><roepnaam>"
                        + firstNames[t % firstNames.length] + "</roepnaam><emailadres>leerkracht" + t
                        + "@school.example</emailadres><groepen><groep key=\"G" + t + "\"/></groepen></leerkracht>\n");
            }
            out.write("</leerkrachten>\n</EDEX>\n");
        }
    }

    private static String hex(SplittableRandom random) {
        StringBuilder hex = new StringBuilder(128);
        for (int i = 0; i < 8; i++) {
            hex.append(String.format("%016x", random.nextLong()));
        }
        return hex.toString();
    }
}
