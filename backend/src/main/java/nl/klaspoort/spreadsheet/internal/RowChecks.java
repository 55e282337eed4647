package nl.klaspoort.spreadsheet.internal;

import static nl.klaspoort.spreadsheet.Column.EMAIL;
import static nl.klaspoort.spreadsheet.Column.FIRST_NAME;
import static nl.klaspoort.spreadsheet.Column.GRADE_YEAR;
import static nl.klaspoort.spreadsheet.Column.GROUP;
import static nl.klaspoort.spreadsheet.Column.LAST_NAME;
import static nl.klaspoort.spreadsheet.Column.NAME_PREFIX;
import static nl.klaspoort.spreadsheet.Column.PASSWORD;
import static nl.klaspoort.spreadsheet.Column.ROLES;
import static nl.klaspoort.spreadsheet.Column.USERNAME;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.klaspoort.spreadsheet.AccountLookups;
import nl.klaspoort.spreadsheet.CellProblem;
import nl.klaspoort.spreadsheet.CellProblem.Code;
import nl.klaspoort.spreadsheet.CheckedRow;
import nl.klaspoort.spreadsheet.Column;
import nl.klaspoort.spreadsheet.ImportReview;
import nl.klaspoort.spreadsheet.ProfessionalRow;
import nl.klaspoort.spreadsheet.SheetKind;
import nl.klaspoort.spreadsheet.SheetRole;
import nl.klaspoort.spreadsheet.SheetRow;
import nl.klaspoort.spreadsheet.StudentRow;

/**
 * The checks of import rows (B5, B7, X3): first each cell on its own (mandatory, length as in the database, form),
 * then the rows together (an e-mail address or username twice), then the database through {@link AccountLookups}
 * (one call per kind of value for the whole import). Pure: the same rows give the same review.
 *
 * <p>The name, e-mail, username and password forms are those the single-user forms of chapter 4 accept, so a row
 * that passes here is accepted when the import is confirmed.
 */
public final class RowChecks {

    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M} '’.\\-]*");
    private static final Pattern PREFIX = Pattern.compile("\\p{L}[\\p{L} '’]*");
    private static final Pattern EMAIL_FORM = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern USERNAME_FORM = Pattern.compile("[a-z0-9][a-z0-9._\\-]{2,99}");
    /** A whole number, possibly written with decimals that are all zero ("5", "5.0", "5,00"). */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("([+-]?\\d+)(?:[.,]0*)?");
    private static final Pattern ROLE_SEPARATORS = Pattern.compile("\\s*(?:,|;|/|\\+|&|\\ben\\b|\\band\\b)\\s*");
    private static final Map<String, SheetRole> ROLE_WORDS = Map.of(
            "beheerder", SheetRole.ADMIN, "admin", SheetRole.ADMIN, "administrator", SheetRole.ADMIN,
            "begeleider", SheetRole.SUPERVISOR, "leerkracht", SheetRole.SUPERVISOR, "leraar", SheetRole.SUPERVISOR,
            "supervisor", SheetRole.SUPERVISOR);

    private RowChecks() {}

    public static ImportReview<ProfessionalRow> professionals(List<SheetRow> rows, AccountLookups lookups) {
        List<Draft<ProfessionalRow>> drafts = rows.stream().map(RowChecks::professional).toList();
        markDuplicates(drafts, EMAIL, EMAIL_FORM, Code.DUPLICATE_EMAIL,
                "Dit e-mailadres staat meer dan eens in het bestand (rijen %s).");
        markInUse(drafts, EMAIL, EMAIL_FORM, lookups.emailsInUse(), Code.EMAIL_IN_USE,
                "Dit e-mailadres is al in gebruik in Klaspoort.");
        return review(SheetKind.PROFESSIONALS, drafts);
    }

    public static ImportReview<StudentRow> students(List<SheetRow> rows, AccountLookups lookups) {
        List<Draft<StudentRow>> drafts = rows.stream().map(RowChecks::student).toList();
        markDuplicates(drafts, USERNAME, USERNAME_FORM, Code.DUPLICATE_USERNAME,
                "Deze gebruikersnaam staat meer dan eens in de lijst (rijen %s).");
        markInUse(drafts, USERNAME, USERNAME_FORM, lookups.usernamesTaken(), Code.USERNAME_TAKEN,
                "Deze gebruikersnaam is al in gebruik.");
        return review(SheetKind.STUDENTS, drafts);
    }

    /** A row being checked: problems collect, the value is set when every cell could be read. */
    private static final class Draft<T> {
        final SheetRow source;
        final List<CellProblem> problems = new ArrayList<>();
        T value;

        Draft(SheetRow source) {
            this.source = source;
        }

        void problem(Column column, Code code, String message) {
            problems.add(new CellProblem(source.number(), column, code, message));
        }
    }

    private static Draft<ProfessionalRow> professional(SheetRow row) {
        Draft<ProfessionalRow> draft = new Draft<>(row);
        String first = name(draft, FIRST_NAME, NAME);
        String prefix = name(draft, NAME_PREFIX, PREFIX);
        String last = name(draft, LAST_NAME, NAME);
        Set<SheetRole> roles = roles(draft);
        String email = email(draft);
        if (draft.problems.isEmpty()) {
            draft.value = new ProfessionalRow(row.number(), first, prefix, last, roles, email);
        }
        return draft;
    }

    private static Draft<StudentRow> student(SheetRow row) {
        Draft<StudentRow> draft = new Draft<>(row);
        String first = name(draft, FIRST_NAME, NAME);
        String prefix = name(draft, NAME_PREFIX, PREFIX);
        String last = name(draft, LAST_NAME, NAME);
        Integer gradeYear = gradeYear(draft);
        String group = text(draft, GROUP);
        String username = username(draft);
        String password = password(draft);
        if (draft.problems.isEmpty()) {
            draft.value = new StudentRow(row.number(), first, prefix, last, gradeYear, group, username, password);
        }
        return draft;
    }

    /** Whitespace collapsed; {@code null} when blank (a problem if the column is mandatory) or too long. */
    private static String text(Draft<?> draft, Column column) {
        String text = draft.source.get(column).replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            if (column.required()) {
                draft.problem(column, Code.REQUIRED, column.header() + " is verplicht.");
            }
            return null;
        }
        if (column.maxLength() > 0 && text.length() > column.maxLength()) {
            draft.problem(column, Code.TOO_LONG, String.format("%s is te lang: hoogstens %d tekens (nu %d).",
                    column.header(), column.maxLength(), text.length()));
            return null;
        }
        return text;
    }

    private static String name(Draft<?> draft, Column column, Pattern form) {
        String name = text(draft, column);
        if (name != null && !form.matcher(name).matches()) {
            draft.problem(column, Code.INVALID_NAME, column == NAME_PREFIX
                    ? "Tussenvoegsel mag alleen letters, spaties en apostroffen bevatten."
                    : column.header() + " begint met een letter en bevat alleen letters, spaties, apostroffen,"
                            + " punten en streepjes.");
            return null;
        }
        return name;
    }

    private static Set<SheetRole> roles(Draft<?> draft) {
        String text = text(draft, ROLES);
        if (text == null) {
            return null;
        }
        Set<SheetRole> roles = EnumSet.noneOf(SheetRole.class);
        for (String word : ROLE_SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (word.isBlank()) {
                continue;
            }
            SheetRole role = ROLE_WORDS.get(word.strip());
            if (role == null) {
                draft.problem(ROLES, Code.UNKNOWN_ROLE, "Onbekende rol '" + word.strip()
                        + "': kies Beheerder, Begeleider of Beheerder en begeleider.");
                return null;
            }
            roles.add(role);
        }
        if (roles.isEmpty()) {
            draft.problem(ROLES, Code.REQUIRED, ROLES.header() + " is verplicht.");
            return null;
        }
        return roles;
    }

    private static String email(Draft<?> draft) {
        return lowerCaseForm(draft, EMAIL, EMAIL_FORM, Code.INVALID_EMAIL,
                "Dit is geen geldig e-mailadres (voorbeeld: naam@school.nl).");
    }

    private static String username(Draft<?> draft) {
        return lowerCaseForm(draft, USERNAME, USERNAME_FORM, Code.INVALID_USERNAME,
                "Een gebruikersnaam heeft 3 tot 100 tekens: kleine letters, cijfers, punt, streepje of liggend streepje.");
    }

    /** The cell in lower case when it has the form; a problem (and {@code null}) when it has not. */
    private static String lowerCaseForm(Draft<?> draft, Column column, Pattern form, Code code, String message) {
        String text = text(draft, column);
        if (text == null) {
            return null;
        }
        String value = text.toLowerCase(Locale.ROOT);
        if (!form.matcher(value).matches()) {
            draft.problem(column, code, message);
            return null;
        }
        return value;
    }

    /** 1–8, typed as "5", or read from a number cell as "5" or "5,0"; "5.0" typed as text is also a 5. */
    private static Integer gradeYear(Draft<?> draft) {
        String text = draft.source.get(GRADE_YEAR);
        if (text.isEmpty()) {
            draft.problem(GRADE_YEAR, Code.REQUIRED, GRADE_YEAR.header() + " is verplicht.");
            return null;
        }
        Matcher number = WHOLE_NUMBER.matcher(text);
        if (!number.matches()) {
            draft.problem(GRADE_YEAR, Code.INVALID_GRADE_YEAR,
                    "Leerjaar '" + shorten(text) + "' is geen heel getal: vul 1 tot en met 8 in.");
            return null;
        }
        String digits = number.group(1).replaceFirst("^([+-]?)0+(?=\\d)", "$1");
        int year = digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (year < 1 || year > 8) {
            draft.problem(GRADE_YEAR, Code.GRADE_YEAR_OUT_OF_RANGE,
                    "Leerjaar " + shorten(digits) + " bestaat niet: vul 1 tot en met 8 in.");
            return null;
        }
        return year;
    }

    /** Checked as given (not collapsed): a password may hold spaces. */
    private static String password(Draft<?> draft) {
        String password = draft.source.get(PASSWORD);
        if (password.isEmpty()) {
            return null;
        }
        if (password.length() < 8 || password.length() > PASSWORD.maxLength()
                || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            draft.problem(PASSWORD, Code.INVALID_PASSWORD, "Een wachtwoord heeft 8 tot 100 tekens, met letters én cijfers.");
            return null;
        }
        return password;
    }

    /**
     * The cell as a key (lower case) when it has the right form, whatever the rest of the row holds, so that the
     * first review already shows every duplicate and every value in use.
     */
    private static String key(SheetRow row, Column column, Pattern form) {
        String value = row.get(column).toLowerCase(Locale.ROOT);
        return value.length() <= column.maxLength() && form.matcher(value).matches() ? value : null;
    }

    /** Every row whose value occurs in more than one row gets a problem naming all those rows. */
    private static void markDuplicates(List<? extends Draft<?>> drafts, Column column, Pattern form, Code code,
            String message) {
        Map<String, List<Draft<?>>> byValue = new LinkedHashMap<>();
        for (Draft<?> draft : drafts) {
            String value = key(draft.source, column, form);
            if (value != null) {
                byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(draft);
            }
        }
        byValue.values().stream().filter(same -> same.size() > 1).forEach(same -> {
            String numbers = dutchList(same.stream().map(draft -> Integer.toString(draft.source.number())).toList());
            same.forEach(draft -> draft.problem(column, code, String.format(message, numbers)));
        });
    }

    /** One lookup for every value of the import; each row whose value is in use gets the problem. */
    private static void markInUse(List<? extends Draft<?>> drafts, Column column, Pattern form,
            Function<Set<String>, Set<String>> lookup, Code code, String message) {
        Set<String> values = drafts.stream().map(draft -> key(draft.source, column, form)).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (values.isEmpty()) {
            return;
        }
        Set<String> inUse = Set.copyOf(lookup.apply(Set.copyOf(values)));
        drafts.stream().filter(draft -> values.contains(key(draft.source, column, form))
                        && inUse.contains(key(draft.source, column, form)))
                .forEach(draft -> draft.problem(column, code, message));
    }

    private static <T> ImportReview<T> review(SheetKind kind, List<Draft<T>> drafts) {
        return new ImportReview<>(kind, drafts.stream()
                .map(draft -> new CheckedRow<>(draft.source, draft.value, draft.problems.stream()
                        .sorted(Comparator.comparing(CellProblem::column)).toList()))
                .toList());
    }

    /** "3 en 7", "3, 7 en 12". */
    private static String dutchList(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " en " + items.getLast();
    }

    private static String shorten(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
