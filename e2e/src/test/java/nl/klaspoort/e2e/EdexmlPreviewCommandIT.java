package nl.klaspoort.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BP6 for support staff: the packaged jar previews an EDEXML file from the command line, prints the JSON and exits 0
 * (accepted) or 1 (refused), without a database or web server.
 */
class EdexmlPreviewCommandIT {

    private static final Path SAMPLES = Path.of("../edexml/src/test/resources/samples").toAbsolutePath();

    @Test
    @DisplayName("BP6 java -jar klaspoort.jar --edexml-preview=FILE accepts the 400-pupil sample with exit code 0")
    void acceptedFile(@TempDir Path dataDir) throws Exception {
        Result result = preview(SAMPLES.resolve("EDEXML.1.03.cito-export-400.xml"), dataDir);

        assertThat(result.exit).isZero();
        assertThat(result.output).isEqualTo("{\"accepted\": true, \"students\": 400, \"teachers\": 29, \"groups\": 19, "
                + "\"errors\": []}");
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    @DisplayName("BP6 java -jar klaspoort.jar --edexml-preview=FILE refuses the invalid sample with its line, exit code 1")
    void refusedFile(@TempDir Path dataDir) throws Exception {
        Result result = preview(SAMPLES.resolve("EDEXML.1.03.invalid-jaargroep.xml"), dataDir);

        assertThat(result.exit).isEqualTo(1);
        assertThat(result.output).isEqualTo("{\"accepted\": false, \"students\": 400, \"teachers\": 29, \"groups\": 19, "
                + "\"errors\": [{\"line\": 15, \"message\": \"Groep \\\"49\\\" (1A): jaargroep \\\"100\\\" bestaat niet; "
                + "toegestaan zijn B, D, 0 t/m 8, 11 t/m 16, S, V, C, N en H.\"}]}");
    }

    private record Result(int exit, String output) {
    }

    private static Result preview(Path file, Path dataDir) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("klaspoort.jar", "../backend/target/klaspoort.jar")).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "--edexml-preview=" + file).redirectErrorStream(true);
        // were Spring to start, its embedded database would appear here
        builder.environment().put("KLASPOORT_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the preview ends by itself").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(Files.exists(dataDir.resolve("pgdata"))).isFalse();
        return new Result(process.exitValue(), output);
    }
}
