package nl.klaspoort.edexml;

/**
 * A group (class) of the school.
 *
 * @param key       the LAS key (EDEXML {@code groep@key}, Basispoort {@code lasKey}); stable, never reused
 * @param name      "Groep 5A"
 * @param jaargroep the grade as EDEXML writes it (see {@link Jaargroep}); null for a composite group
 * @param composite true for a samengestelde groep / Basispoort subgroep (no jaargroep of its own)
 * @param line      line in the source file (0 when the source is not a file)
 */
public record RosterGroup(String key, String name, String jaargroep, boolean composite, int line) {
}
