/**
 * Excel templates, hardened reading, row checks, the error workbook and the streamed user export (B5, B7, B15, X3).
 *
 * <p>Pure: no tables, no GraphQL, no Spring dependencies on other modules. The checks that need the database (an
 * e-mail address or username already in use) come in as functions ({@link nl.klaspoort.spreadsheet.AccountLookups}),
 * so that the integration decides where the data comes from. {@link nl.klaspoort.spreadsheet.Spreadsheets} is the
 * entry point; the implementation lives in {@code spreadsheet.internal}.
 */
@ApplicationModule(allowedDependencies = {})
package nl.klaspoort.spreadsheet;

import org.springframework.modulith.ApplicationModule;
