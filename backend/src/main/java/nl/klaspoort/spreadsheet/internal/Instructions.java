package nl.klaspoort.spreadsheet.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.klaspoort.spreadsheet.SheetKind;
import nl.klaspoort.spreadsheet.SpreadsheetLimits;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;

/** The "Uitleg" sheet of the template: what to fill in, per column, and what happens after the upload (4.4.1.2, 4.4.2.2). */
final class Instructions {

    static final String SHEET_NAME = "Uitleg";

    private Instructions() {}

    static void write(SheetKind kind, Sheet sheet, SheetStyles styles) {
        sheet.setColumnWidth(0, 110 * 256);
        List<String> lines = kind == SheetKind.PROFESSIONALS ? professionals() : students();
        for (int index = 0; index < lines.size(); index++) {
            Cell cell = sheet.createRow(index).createCell(0);
            cell.setCellValue(lines.get(index));
            cell.setCellStyle(index == 0 ? styles.title : styles.paragraph);
        }
    }

    private static List<String> professionals() {
        List<String> lines = head("Onderwijsprofessionals", "onderwijsprofessional", "Professionals");
        lines.add("   • Rollen: verplicht. Kies in de keuzelijst Beheerder, Begeleider of Beheerder en begeleider.");
        lines.add("   • E-mailadres: verplicht en voor iedereen anders. De inloggegevens worden naar dit adres gestuurd.");
        lines.addAll(common("Onderwijsprofessional"));
        lines.add("Let op: aangemaakte begeleiders komen in het gebruikersarchief. Geef ze daar een product en een of"
                + " meer leerlingen (Professionals koppelen) voordat ze aan de slag kunnen.");
        return lines;
    }

    private static List<String> students() {
        List<String> lines = head("Leerlingen", "leerling", "Leerlingen");
        lines.add("   • Leerjaar: verplicht, 1 tot en met 8. Kies in de keuzelijst.");
        lines.add("   • Groep: verplicht, de naam van de groep of klas, bijvoorbeeld 5B, hoogstens 60 tekens.");
        lines.add("   Gebruikersnaam en wachtwoord maakt Klaspoort zelf; u kunt ze na het uploaden aanpassen.");
        lines.addAll(common("Leerling"));
        lines.add("Let op: aangemaakte leerlingen komen in het gebruikersarchief. Geef ze daar een product en een"
                + " begeleider (Leerlingen koppelen) voordat ze aan de slag kunnen.");
        return lines;
    }

    /** The title and the name columns, which both templates share. */
    private static List<String> head(String plural, String singular, String sheetName) {
        List<String> lines = new ArrayList<>();
        lines.add(plural + " aanmaken in Klaspoort");
        lines.add("");
        lines.add("1. Vul op het werkblad '" + sheetName + "' per rij één " + singular + " in, vanaf rij 2. Laat de"
                + " kopregel (rij 1) staan.");
        lines.add("2. Alle kolommen zijn verplicht, behalve Tussenvoegsel:");
        lines.add("   • Voornaam: verplicht, hoogstens 100 tekens.");
        lines.add("   • Tussenvoegsel: niet verplicht, hoogstens 30 tekens, bijvoorbeeld 'van', 'de' of 'van der'.");
        lines.add("   • Achternaam: verplicht, zonder tussenvoegsel, hoogstens 100 tekens.");
        return lines;
    }

    private static List<String> common(String role) {
        return List.of(
                "3. Hoogstens " + String.format(Locale.forLanguageTag("nl-NL"), "%,d", SpreadsheetLimits.MAX_DATA_ROWS)
                        + " rijen per bestand. Lege rijen worden overgeslagen.",
                "4. Sla het bestand op als Excel-werkmap (.xlsx) en upload het in Klaspoort: Gebruikersbeheer > Gebruikers"
                        + " aanmaken > " + role + " > Meerdere.",
                "5. Controleer de gegevens bij stap 2B en pas ze zo nodig aan. Pas bij 'Opslaan' worden de gebruikers"
                        + " aangemaakt: allemaal, of geen enkele zolang een rij een fout heeft.",
                "Heeft een rij een fout? Download dan het foutenbestand: de kolom 'Fout' zegt per rij wat er mis is en"
                        + " de foute cellen zijn rood. Verbeter ze in Excel en upload het bestand opnieuw.",
                "");
    }
}
