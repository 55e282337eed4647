package nl.klaspoort.spreadsheet;

import java.util.Objects;

/**
 * An upload that is not read at all: the reason as a code for clients and a specific Dutch message that tells the
 * user what to do. Nothing of the file is kept.
 */
public class SpreadsheetRejectedException extends RuntimeException {

    /** Why a file was refused, each with the Dutch message shown by default. */
    public enum Reason {
        EMPTY_FILE("Het bestand is leeg. Kies het ingevulde sjabloon en probeer het opnieuw."),
        FILE_TOO_LARGE("Het bestand is groter dan " + SpreadsheetLimits.MAX_UPLOAD_BYTES / (1024 * 1024)
                + " MB. Een ingevuld sjabloon is veel kleiner: haal afbeeldingen en extra werkbladen weg, of gebruik een"
                + " nieuw sjabloon."),
        NOT_A_SPREADSHEET("Dit bestand is geen Excel-werkmap. Download het sjabloon, vul het in en sla het op als"
                + " Excel-werkmap (.xlsx)."),
        OLD_EXCEL_FORMAT("Dit is een Excel-bestand in het oude formaat (.xls). Open het in Excel, kies Bestand >"
                + " Opslaan als > Excel-werkmap (.xlsx) en upload dat bestand."),
        ENCRYPTED("Dit bestand is beveiligd met een wachtwoord en kan daarom niet worden gelezen. Open het in Excel,"
                + " haal het wachtwoord weg (Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord: maak het"
                + " veld leeg), sla het op en upload het opnieuw."),
        BINARY_WORKBOOK("Dit is een binaire Excel-werkmap (.xlsb). Sla het bestand op als Excel-werkmap (.xlsx) en"
                + " upload het opnieuw."),
        OPEN_DOCUMENT("Dit is een OpenDocument-werkblad (.ods). Sla het bestand op als Excel-werkmap (.xlsx) en"
                + " upload het opnieuw."),
        STRICT_OPEN_XML("Dit bestand is opgeslagen als 'Strikt Open XML-werkblad'. Sla het op als gewone Excel-werkmap"
                + " (.xlsx) en upload het opnieuw."),
        CORRUPT("Dit Excel-bestand is beschadigd of onvolledig en kan niet worden gelezen. Open het in Excel, sla het"
                + " opnieuw op als Excel-werkmap (.xlsx) en upload het nog eens."),
        ZIP_BOMB("Dit bestand wordt niet gelezen: het pakt uit tot veel meer gegevens dan een ingevuld sjabloon ooit"
                + " bevat. Gebruik het sjabloon van Klaspoort."),
        PART_TOO_LARGE("Dit bestand wordt niet gelezen: een onderdeel is uitgepakt groter dan "
                + SpreadsheetLimits.MAX_PART_BYTES / (1024 * 1024) + " MB. Gebruik het sjabloon van Klaspoort en"
                + " laat alleen de ingevulde rijen staan."),
        TOO_MANY_PARTS("Dit bestand wordt niet gelezen: het bestaat uit meer dan " + SpreadsheetLimits.MAX_PARTS
                + " onderdelen. Gebruik het sjabloon van Klaspoort, zonder extra werkbladen of afbeeldingen."),
        MISSING_COLUMNS("In de eerste rij ontbreken kolommen: %s. Gebruik het sjabloon van Klaspoort en laat de"
                + " kopregel staan."),
        WRONG_TEMPLATE("Dit is het sjabloon voor %s. Upload hier het sjabloon voor %s."),
        NO_ROWS("Het bestand bevat geen ingevulde rijen onder de kopregel."),
        TOO_MANY_ROWS("Het bestand heeft meer dan " + String.format(java.util.Locale.forLanguageTag("nl-NL"), "%,d",
                SpreadsheetLimits.MAX_DATA_ROWS) + " ingevulde rijen. Verdeel de gegevens over meerdere bestanden.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** The Dutch message; for {@link #MISSING_COLUMNS} and {@link #WRONG_TEMPLATE} with placeholders. */
        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public SpreadsheetRejectedException(Reason reason, Object... details) {
        this(reason, null, details);
    }

    public SpreadsheetRejectedException(Reason reason, Throwable cause, Object... details) {
        super(details.length == 0 ? reason.message() : String.format(reason.message(), details), cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
