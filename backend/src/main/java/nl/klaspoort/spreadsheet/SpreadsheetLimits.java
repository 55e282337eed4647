package nl.klaspoort.spreadsheet;

/**
 * The limits of the reader, chosen for files made from the template (a filled template of 10,000 rows is about
 * 0.4 MB on disk and 2.5 MB unpacked). The zip limits are POI's {@code ZipSecureFile} settings, set explicitly when
 * the reader is first used; they hold for every OOXML file this application opens.
 */
public final class SpreadsheetLimits {

    /** Largest upload accepted: 10 MiB (the multipart limit of the application is the same). */
    public static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

    /** Most non-blank rows under the header. A school has at most a few thousand users. */
    public static final int MAX_DATA_ROWS = 10_000;

    /**
     * A part that unpacks to more than 100 times its packed size is refused as a zip bomb (POI's
     * {@code setMinInflateRatio}; template files unpack 5–15 times).
     */
    public static final double MIN_INFLATE_RATIO = 0.01;

    /** Parts smaller than this (unpacked) are not held to the ratio: tiny XML parts compress extremely well. */
    public static final long RATIO_GRACE_BYTES = 100L * 1024;

    /** Largest unpacked part: 20 MiB, eight times the sheet of 10,000 template rows (POI's default is 4 GiB). */
    public static final long MAX_PART_BYTES = 20L * 1024 * 1024;

    /** Most entries in the zip container: a workbook saved by Excel has 10 to 30 (POI's default is 1,000). */
    public static final int MAX_PARTS = 200;

    /** Longest cell text kept; longer text is cut here (every field is shorter, so such a cell is reported as too long). */
    public static final int MAX_CELL_CHARS = 1_024;

    /** How many rows from the top a header row is looked for in (a school may add a title above it). */
    public static final int HEADER_SEARCH_ROWS = 10;

    private SpreadsheetLimits() {}
}
