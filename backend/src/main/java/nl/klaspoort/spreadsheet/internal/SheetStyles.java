package nl.klaspoort.spreadsheet.internal;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/** The few cell styles of Klaspoort's workbooks, created once per workbook (Excel allows some 64,000). */
final class SheetStyles {

    /** Excel's own "Bad" colours: light red fill, dark red text. */
    private static final byte[] BAD_FILL = {(byte) 0xFF, (byte) 0xC7, (byte) 0xCE};
    private static final byte[] BAD_TEXT = {(byte) 0x9C, 0x00, 0x06};
    private static final byte[] HEADER_FILL = {(byte) 0xDD, (byte) 0xEB, (byte) 0xF7};

    final CellStyle header;
    final CellStyle errorHeader;
    /** Text format ("@"): what is typed stays text (leading zeros, "1-2" not a date). */
    final CellStyle text;
    final CellStyle textQuoted;
    final CellStyle number;
    final CellStyle bad;
    final CellStyle badQuoted;
    final CellStyle errorText;
    final CellStyle title;
    final CellStyle paragraph;

    SheetStyles(Workbook workbook) {
        short textFormat = workbook.createDataFormat().getFormat("@");
        Font bold = workbook.createFont();
        bold.setBold(true);
        XSSFFont badFont = (XSSFFont) workbook.createFont();
        badFont.setColor(new XSSFColor(BAD_TEXT));
        XSSFFont badBold = (XSSFFont) workbook.createFont();
        badBold.setColor(new XSSFColor(BAD_TEXT));
        badBold.setBold(true);
        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);

        header = filled(workbook, HEADER_FILL, bold);
        header.setBorderBottom(BorderStyle.THIN);
        errorHeader = filled(workbook, BAD_FILL, badBold);
        errorHeader.setBorderBottom(BorderStyle.THIN);
        text = workbook.createCellStyle();
        text.setDataFormat(textFormat);
        textQuoted = workbook.createCellStyle();
        textQuoted.cloneStyleFrom(text);
        textQuoted.setQuotePrefixed(true);
        number = workbook.createCellStyle();
        bad = filled(workbook, BAD_FILL, badFont);
        bad.setDataFormat(textFormat);
        badQuoted = workbook.createCellStyle();
        badQuoted.cloneStyleFrom(bad);
        badQuoted.setQuotePrefixed(true);
        errorText = workbook.createCellStyle();
        errorText.setFont(badFont);
        errorText.setWrapText(true);
        errorText.setVerticalAlignment(VerticalAlignment.TOP);
        title = workbook.createCellStyle();
        title.setFont(titleFont);
        paragraph = workbook.createCellStyle();
        paragraph.setWrapText(true);
        paragraph.setVerticalAlignment(VerticalAlignment.TOP);
    }

    private static CellStyle filled(Workbook workbook, byte[] rgb, Font font) {
        XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
        style.setFillForegroundColor(new XSSFColor(rgb));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setFont(font);
        return style;
    }
}
