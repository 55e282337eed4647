package nl.klaspoort.spreadsheet.internal;

import nl.klaspoort.spreadsheet.SpreadsheetLimits;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/** Sets POI's zip-bomb limits to {@link SpreadsheetLimits} (JVM-wide statics in POI), once. */
final class PoiLimits {

    static {
        ZipSecureFile.setMinInflateRatio(SpreadsheetLimits.MIN_INFLATE_RATIO);
        ZipSecureFile.setGraceEntrySize(SpreadsheetLimits.RATIO_GRACE_BYTES);
        ZipSecureFile.setMaxEntrySize(SpreadsheetLimits.MAX_PART_BYTES);
        ZipSecureFile.setMaxFileCount(SpreadsheetLimits.MAX_PARTS);
    }

    private PoiLimits() {}

    /** Loads this class, which applies the limits; idempotent. */
    static void apply() {
        // the static initializer did the work
    }
}
