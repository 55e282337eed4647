package nl.klaspoort.edexml;

/**
 * The school a roster belongs to. A Dutch school is identified by BRIN (+ dependance code, "00" or absent meaning
 * the main location), a Flemish one by instellingsnummer; schoolkey is the LAS's own key. Fields are null when the
 * source does not carry them.
 *
 * @param schooljaar        "2025-2026"
 * @param brincode          "99XX"
 * @param dependancecode    "01"; null when the file says "00" or nothing (the main location)
 * @param instellingsnummer Flemish institution number
 * @param schoolkey         the LAS's key of the school
 */
public record RosterSchool(String schooljaar, String brincode, String dependancecode, String instellingsnummer,
        String schoolkey) {
}
