package nl.klaspoort.userimport.internal;

import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.spreadsheet.CellProblem;
import nl.klaspoort.spreadsheet.SpreadsheetRejectedException.Reason;

/**
 * The error codes of spreadsheet imports ({@code extend enum ErrorCode} in {@code imports.graphqls}): the problems of a
 * cell (several are the codes the single-user forms use for the same rule), of the import as a whole, and of an
 * uploaded file.
 */
enum ImportError implements ErrorCode {
    // a cell of a row
    REQUIRED,
    TOO_LONG,
    INVALID_NAME,
    INVALID_PREFIX,
    INVALID_EMAIL,
    DUPLICATE_EMAIL,
    EMAIL_TAKEN,
    UNKNOWN_ROLE,
    INVALID_GRADE_YEAR,
    INVALID_USERNAME,
    DUPLICATE_USERNAME,
    USERNAME_TAKEN,
    INVALID_PASSWORD,
    // the import
    IMPORT_HAS_PROBLEMS,
    IMPORT_CONFIRMED,
    // the uploaded file
    FILE_MISSING,
    FILE_EMPTY,
    FILE_TOO_LARGE,
    FILE_NOT_SPREADSHEET,
    FILE_OLD_EXCEL,
    FILE_ENCRYPTED,
    FILE_BINARY_WORKBOOK,
    FILE_OPEN_DOCUMENT,
    FILE_STRICT_OPEN_XML,
    FILE_CORRUPT,
    FILE_ZIP_BOMB,
    FILE_PART_TOO_LARGE,
    FILE_TOO_MANY_PARTS,
    FILE_MISSING_COLUMNS,
    FILE_WRONG_TEMPLATE,
    FILE_NO_ROWS,
    FILE_TOO_MANY_ROWS;

    /** The code of a cell's problem. */
    static ImportError of(CellProblem.Code code) {
        return switch (code) {
            case REQUIRED -> REQUIRED;
            case TOO_LONG -> TOO_LONG;
            case INVALID_NAME -> INVALID_NAME;
            case INVALID_PREFIX -> INVALID_PREFIX;
            case INVALID_EMAIL -> INVALID_EMAIL;
            case DUPLICATE_EMAIL -> DUPLICATE_EMAIL;
            case EMAIL_IN_USE -> EMAIL_TAKEN;
            case UNKNOWN_ROLE -> UNKNOWN_ROLE;
            case INVALID_GRADE_YEAR, GRADE_YEAR_OUT_OF_RANGE -> INVALID_GRADE_YEAR;
            case INVALID_USERNAME -> INVALID_USERNAME;
            case DUPLICATE_USERNAME -> DUPLICATE_USERNAME;
            case USERNAME_TAKEN -> USERNAME_TAKEN;
            case INVALID_PASSWORD -> INVALID_PASSWORD;
        };
    }

    /** The code of a refused file. */
    static ImportError of(Reason reason) {
        return switch (reason) {
            case EMPTY_FILE -> FILE_EMPTY;
            case FILE_TOO_LARGE -> FILE_TOO_LARGE;
            case NOT_A_SPREADSHEET -> FILE_NOT_SPREADSHEET;
            case OLD_EXCEL_FORMAT -> FILE_OLD_EXCEL;
            case ENCRYPTED -> FILE_ENCRYPTED;
            case BINARY_WORKBOOK -> FILE_BINARY_WORKBOOK;
            case OPEN_DOCUMENT -> FILE_OPEN_DOCUMENT;
            case STRICT_OPEN_XML -> FILE_STRICT_OPEN_XML;
            case CORRUPT -> FILE_CORRUPT;
            case ZIP_BOMB -> FILE_ZIP_BOMB;
            case PART_TOO_LARGE -> FILE_PART_TOO_LARGE;
            case TOO_MANY_PARTS -> FILE_TOO_MANY_PARTS;
            case MISSING_COLUMNS -> FILE_MISSING_COLUMNS;
            case WRONG_TEMPLATE -> FILE_WRONG_TEMPLATE;
            case NO_ROWS -> FILE_NO_ROWS;
            case TOO_MANY_ROWS -> FILE_TOO_MANY_ROWS;
        };
    }
}
