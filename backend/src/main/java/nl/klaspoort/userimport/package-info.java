/**
 * Spreadsheet imports of users (B5, B7, X3): the upload endpoint, the review with every problem on its row and cell,
 * edits in the review grid, the confirmation (every row in one transaction, or none, through people, membership,
 * access and audit) and discarding; the templates and the error workbook as downloads. Owns {@code user_import} and
 * {@code user_import_row}. The workbooks themselves are read and written by {@code spreadsheet}.
 */
@ApplicationModule(allowedDependencies = {"spreadsheet", "access", "people", "membership", "audit", "administration",
        "school", "security", "platform"})
package nl.klaspoort.userimport;

import org.springframework.modulith.ApplicationModule;
