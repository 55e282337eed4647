package nl.klaspoort.spreadsheet.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A cell's text as a Dutch Excel user sees it: numbers formatted by their cell format (so 5 stays "5", and 123 in
 * format "0000" is "0123"), decimal comma, and dates that use Excel's locale-dependent built-in formats (the ones a
 * Dutch Excel writes when a date is typed) shown as Dutch dates ("1-3-2024") instead of POI's American pattern.
 */
final class ShownText extends DataFormatter {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy", DUTCH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d-M-yyyy H:mm", DUTCH);
    /** Built-in formats 14 (short date) and 22 (short date and time): the user's locale decides how they look. */
    private static final int SHORT_DATE = 14;
    private static final int SHORT_DATE_TIME = 22;

    ShownText() {
        super(DUTCH);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
        if ((formatIndex == SHORT_DATE || formatIndex == SHORT_DATE_TIME) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime when = DateUtil.getLocalDateTime(value);
            return (formatIndex == SHORT_DATE ? DATE : DATE_TIME).format(when);
        }
        return super.formatRawCellContents(value, formatIndex, formatString);
    }
}
