package nl.klaspoort.edexml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import nl.klaspoort.edexml.internal.EdexmlParser;
import nl.klaspoort.edexml.internal.LimitedInputStream;

/**
 * Reads an EDEXML file (1.03, 2.0 or 2.1) into a {@link RosterSnapshot} in one streamed pass (StAX), validating it
 * against the EDEXML 2.1 schema on the way (every valid 1.03/2.0 file is valid 2.1; the outdated {@code schooljaar}
 * enumeration is relaxed and supplier {@code toevoegingen} are skipped). Any encoding the XML declares is read; a
 * DOCTYPE (and so any DTD or external entity) is refused; size, depth and the number of reported errors are bounded.
 * Errors come per row with a line number and a Dutch reason. Thread-safe: one reader serves every upload.
 */
public final class EdexmlReader {

    /**
     * Bounds on what one file may cost.
     *
     * @param maxBytes  the largest file accepted (a 20,000-pupil file is about 10 MB)
     * @param maxDepth  the deepest element nesting accepted (EDEXML needs 5; supplier blocks a few more)
     * @param maxErrors reading stops after this many errors
     */
    public record Limits(long maxBytes, int maxDepth, int maxErrors) {
        public static Limits defaults() {
            return new Limits(64L * 1024 * 1024, 32, 100);
        }
    }

    private final Limits limits;

    public EdexmlReader() {
        this(Limits.defaults());
    }

    public EdexmlReader(Limits limits) {
        this.limits = limits;
    }

    /** Reads the stream to its end (the caller closes it). */
    public EdexmlResult read(InputStream in) {
        return new EdexmlParser(limits).parse(new BufferedInputStream(new LimitedInputStream(in, limits.maxBytes())));
    }

    public EdexmlResult read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (NoSuchFileException e) {
            return refused("Het bestand bestaat niet.");
        } catch (IOException e) {
            return refused("Het bestand kan niet worden gelezen.");
        }
    }

    private static EdexmlResult refused(String reason) {
        return new EdexmlResult(new RosterSnapshot(new RosterSchool(null, null, null, null, null), List.of(), List.of(),
                List.of()), List.of(new RowError(0, reason)));
    }
}
