package nl.klaspoort.spreadsheet;

import static nl.klaspoort.spreadsheet.Column.EMAIL;
import static nl.klaspoort.spreadsheet.Column.FIRST_NAME;
import static nl.klaspoort.spreadsheet.Column.GRADE_YEAR;
import static nl.klaspoort.spreadsheet.Column.GROUP;
import static nl.klaspoort.spreadsheet.Column.LAST_NAME;
import static nl.klaspoort.spreadsheet.Column.NAME_PREFIX;
import static nl.klaspoort.spreadsheet.Column.PASSWORD;
import static nl.klaspoort.spreadsheet.Column.ROLES;
import static nl.klaspoort.spreadsheet.Column.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.spreadsheet.CellProblem.Code;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The row checks (B5, B7, X3): every problem on its row and cell with a Dutch message, and the counts. */
class RowChecksTest {

    private final Spreadsheets spreadsheets = new Spreadsheets();

    private static SheetRow professional(int number, String first, String prefix, String last, String roles, String email) {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        put(cells, FIRST_NAME, first);
        put(cells, NAME_PREFIX, prefix);
        put(cells, LAST_NAME, last);
        put(cells, ROLES, roles);
        put(cells, EMAIL, email);
        return new SheetRow(number, cells);
    }

    private static SheetRow student(int number, String first, String prefix, String last, String gradeYear, String group) {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        put(cells, FIRST_NAME, first);
        put(cells, NAME_PREFIX, prefix);
        put(cells, LAST_NAME, last);
        put(cells, GRADE_YEAR, gradeYear);
        put(cells, GROUP, group);
        return new SheetRow(number, cells);
    }

    /** Each problem as (row, column, code, message). */
    private static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertProblems(ImportReview<?> review) {
        return assertThat(review.problems())
                .extracting(CellProblem::rowNumber, CellProblem::column, CellProblem::code, CellProblem::message);
    }

    private static void put(Map<Column, String> cells, Column column, String value) {
        if (value != null) {
            cells.put(column, value);
        }
    }

    @Test
    void goodProfessionalsAreTypedAndCleaned() {
        ImportReview<ProfessionalRow> review = spreadsheets.checkProfessionals(List.of(
                professional(2, "Jan  Willem", "van  der", "Berg", "Beheerder en begeleider", "JW.vdBerg@School.NL"),
                professional(3, "Els", null, "Bakker", "begeleider", "els@school.nl"),
                professional(4, "Ömer", null, "Yılmaz-d'Ancona", "Beheerder, Begeleider", "omer@school.nl"),
                professional(5, "Sanne", "de", "Wit", "beheerder", "sanne@school.nl")), AccountLookups.NONE);

        assertThat(review.problems()).isEmpty();
        assertThat(review.counts().summary()).isEqualTo("4 goed, 0 met fouten");
        assertThat(review.values()).containsExactly(
                new ProfessionalRow(2, "Jan Willem", "van der", "Berg", Set.of(SheetRole.ADMIN, SheetRole.SUPERVISOR), "jw.vdberg@school.nl"),
                new ProfessionalRow(3, "Els", null, "Bakker", Set.of(SheetRole.SUPERVISOR), "els@school.nl"),
                new ProfessionalRow(4, "Ömer", null, "Yılmaz-d'Ancona", Set.of(SheetRole.ADMIN, SheetRole.SUPERVISOR), "omer@school.nl"),
                new ProfessionalRow(5, "Sanne", "de", "Wit", Set.of(SheetRole.ADMIN), "sanne@school.nl"));
    }

    @Test
    void everyProfessionalProblemIsOnItsRowAndCell() {
        ImportReview<ProfessionalRow> review = spreadsheets.checkProfessionals(List.of(
                professional(2, null, null, "Berg", "Begeleider", "jan@school.nl"),
                professional(3, "Els", null, "Bakker", "Directeur", "els.school.nl"),
                professional(4, "Piet", "van", "Dam", null, null),
                professional(5, "A".repeat(101), "v".repeat(31), "B".repeat(100), "Beheerder", "a@school.nl"),
                professional(6, "=HYPERLINK(\"x\")", "v.d.", "Smit", "Begeleider", "smit@school.nl"),
                professional(7, "Kees", null, "Kok", "Leerling", "kees@school.nl")), AccountLookups.NONE);

        assertProblems(review).containsExactly(
                        tuple(2, FIRST_NAME, Code.REQUIRED, "Voornaam is verplicht."),
                        tuple(3, ROLES, Code.UNKNOWN_ROLE, "Onbekende rol 'directeur': kies Beheerder, Begeleider of Beheerder en begeleider."),
                        tuple(3, EMAIL, Code.INVALID_EMAIL, "Dit is geen geldig e-mailadres (voorbeeld: naam@school.nl)."),
                        tuple(4, ROLES, Code.REQUIRED, "Rollen is verplicht."),
                        tuple(4, EMAIL, Code.REQUIRED, "E-mailadres is verplicht."),
                        tuple(5, FIRST_NAME, Code.TOO_LONG, "Voornaam is te lang: hoogstens 100 tekens (nu 101)."),
                        tuple(5, NAME_PREFIX, Code.TOO_LONG, "Tussenvoegsel is te lang: hoogstens 30 tekens (nu 31)."),
                        tuple(6, FIRST_NAME, Code.INVALID_NAME, "Voornaam begint met een letter en bevat alleen letters, spaties, apostroffen, punten en streepjes."),
                        tuple(6, NAME_PREFIX, Code.INVALID_NAME, "Tussenvoegsel mag alleen letters, spaties en apostroffen bevatten."),
                        tuple(7, ROLES, Code.UNKNOWN_ROLE, "Onbekende rol 'leerling': kies Beheerder, Begeleider of Beheerder en begeleider."));
        assertThat(review.rows()).extracting(CheckedRow::value).containsOnlyNulls();
        assertThat(review.counts()).isEqualTo(new ImportCounts(0, 6));
        assertThat(review.counts().summary()).isEqualTo("0 goed, 6 met fouten");
        assertThatThrownBy(review::values).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEmailTwiceInTheFileMarksEveryRowThatHasIt() {
        ImportReview<ProfessionalRow> review = spreadsheets.checkProfessionals(List.of(
                professional(2, "Jan", null, "Berg", "Begeleider", "jan@school.nl"),
                professional(3, "Els", null, "Bakker", "Begeleider", "els@school.nl"),
                professional(4, null, null, "Berg", "Begeleider", "Jan@School.nl "),
                professional(9, "Jan", null, "Berg", "Beheerder", "JAN@school.nl")), AccountLookups.NONE);

        assertThat(review.problems()).filteredOn(p -> p.code() == Code.DUPLICATE_EMAIL)
                .extracting(CellProblem::rowNumber, CellProblem::column, CellProblem::message).containsExactly(
                        tuple(2, EMAIL, "Dit e-mailadres staat meer dan eens in het bestand (rijen 2, 4 en 9)."),
                        tuple(4, EMAIL, "Dit e-mailadres staat meer dan eens in het bestand (rijen 2, 4 en 9)."),
                        tuple(9, EMAIL, "Dit e-mailadres staat meer dan eens in het bestand (rijen 2, 4 en 9)."));
        assertThat(review.counts().summary()).isEqualTo("1 goed, 3 met fouten");
        // a duplicate is a problem of the whole row, but the cells were readable: the value is there for the grid
        assertThat(review.rows().getFirst().value()).isNotNull();
    }

    @Test
    void theDatabaseLookupIsCalledOnceWithEveryWellFormedAddress() {
        List<Set<String>> asked = new ArrayList<>();
        AccountLookups lookups = new AccountLookups(emails -> {
            asked.add(emails);
            return Set.of("els@school.nl", "niet@gevraagd.nl");
        }, usernames -> {
            throw new AssertionError("professionals have no usernames");
        });

        ImportReview<ProfessionalRow> review = spreadsheets.checkProfessionals(List.of(
                professional(2, "Jan", null, "Berg", "Begeleider", "jan@school.nl"),
                professional(3, "Els", null, "Bakker", "Begeleider", "Els@School.nl"),
                professional(4, null, null, "Visser", "Begeleider", "kim@school.nl"),
                professional(5, "Bas", null, "Kok", "Begeleider", "geen-adres")), lookups);

        assertThat(asked).containsExactly(Set.of("jan@school.nl", "els@school.nl", "kim@school.nl"));
        assertThat(review.problems()).filteredOn(p -> p.code() == Code.EMAIL_IN_USE)
                .extracting(CellProblem::rowNumber, CellProblem::column, CellProblem::message)
                .containsExactly(tuple(3, EMAIL, "Dit e-mailadres is al in gebruik in Klaspoort."));
    }

    @Test
    void gradeYearsAreReadLikeATeacherTypesThem() {
        List<String> typed = List.of("5", "5.0", "5,0", "05", " 8 ", "1,00", "+3");
        List<SheetRow> rows = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            rows.add(student(i + 2, "Kind", null, "Smit", typed.get(i), "5B"));
        }
        ImportReview<StudentRow> review = spreadsheets.checkStudents(rows, AccountLookups.NONE);

        assertThat(review.problems()).isEmpty();
        assertThat(review.values()).extracting(StudentRow::gradeYear).containsExactly(5, 5, 5, 5, 8, 1, 3);
    }

    @Test
    void everyStudentProblemIsOnItsRowAndCell() {
        ImportReview<StudentRow> review = spreadsheets.checkStudents(List.of(
                student(2, "Anna", null, "Smit", "9", "9A"),
                student(3, "Bram", null, "Smit", "0", "1A"),
                student(4, "Cas", null, "Smit", "5,5", "5B"),
                student(5, "Daan", null, "Smit", "groep 5", "5B"),
                student(6, "Eva", null, "Smit", "99999999999999999999", "5B"),
                student(7, "Fleur", null, null, null, null),
                student(8, "Gijs", null, "Smit", "3", "G".repeat(61))), AccountLookups.NONE);

        assertProblems(review).containsExactly(
                        tuple(2, GRADE_YEAR, Code.GRADE_YEAR_OUT_OF_RANGE, "Leerjaar 9 bestaat niet: vul 1 tot en met 8 in."),
                        tuple(3, GRADE_YEAR, Code.GRADE_YEAR_OUT_OF_RANGE, "Leerjaar 0 bestaat niet: vul 1 tot en met 8 in."),
                        tuple(4, GRADE_YEAR, Code.INVALID_GRADE_YEAR, "Leerjaar '5,5' is geen heel getal: vul 1 tot en met 8 in."),
                        tuple(5, GRADE_YEAR, Code.INVALID_GRADE_YEAR, "Leerjaar 'groep 5' is geen heel getal: vul 1 tot en met 8 in."),
                        tuple(6, GRADE_YEAR, Code.GRADE_YEAR_OUT_OF_RANGE, "Leerjaar 99999999999999999999 bestaat niet: vul 1 tot en met 8 in."),
                        tuple(7, LAST_NAME, Code.REQUIRED, "Achternaam is verplicht."),
                        tuple(7, GRADE_YEAR, Code.REQUIRED, "Leerjaar is verplicht."),
                        tuple(7, GROUP, Code.REQUIRED, "Groep is verplicht."),
                        tuple(8, GROUP, Code.TOO_LONG, "Groep is te lang: hoogstens 60 tekens (nu 61)."));
        assertThat(review.counts().summary()).isEqualTo("0 goed, 7 met fouten");
    }

    @Test
    void usernamesAndPasswordsOfTheReviewStepAreChecked() {
        List<Set<String>> asked = new ArrayList<>();
        AccountLookups lookups = new AccountLookups(emails -> Set.of(), usernames -> {
            asked.add(usernames);
            return Set.of("anna.smit");
        });
        SheetRow anna = student(2, "Anna", null, "Smit", "3", "3A");
        SheetRow bram = student(3, "Bram", null, "Smit", "3", "3A");
        SheetRow cas = student(4, "Cas", null, "Smit", "3", "3A");
        SheetRow daan = student(5, "Daan", null, "Smit", "3", "3A");
        ImportReview<StudentRow> review = spreadsheets.checkStudents(List.of(
                anna.with(USERNAME, "Anna.Smit").with(PASSWORD, "welkom123"),
                bram.with(USERNAME, "bram.smit").with(PASSWORD, "kort1"),
                cas.with(USERNAME, "c s").with(PASSWORD, "alleenletters"),
                daan.with(USERNAME, "BRAM.smit").with(PASSWORD, "daan2024x")), lookups);

        assertThat(asked).containsExactly(Set.of("anna.smit", "bram.smit"));
        assertProblems(review).containsExactly(
                        tuple(2, USERNAME, Code.USERNAME_TAKEN, "Deze gebruikersnaam is al in gebruik."),
                        tuple(3, USERNAME, Code.DUPLICATE_USERNAME, "Deze gebruikersnaam staat meer dan eens in de lijst (rijen 3 en 5)."),
                        tuple(3, PASSWORD, Code.INVALID_PASSWORD, "Een wachtwoord heeft 8 tot 100 tekens, met letters én cijfers."),
                        tuple(4, USERNAME, Code.INVALID_USERNAME, "Een gebruikersnaam heeft 3 tot 100 tekens: kleine letters, cijfers, punt, streepje of liggend streepje."),
                        tuple(4, PASSWORD, Code.INVALID_PASSWORD, "Een wachtwoord heeft 8 tot 100 tekens, met letters én cijfers."),
                        tuple(5, USERNAME, Code.DUPLICATE_USERNAME, "Deze gebruikersnaam staat meer dan eens in de lijst (rijen 3 en 5)."));
        StudentRow first = review.rows().getFirst().value();
        assertThat(first.username()).isEqualTo("anna.smit");
        assertThat(first.toString()).doesNotContain("welkom123");
        assertThat(anna.with(PASSWORD, "welkom123").toString()).doesNotContain("welkom123");
    }

    @Test
    void aGoodStudentFileCountsAllGood() {
        ImportReview<StudentRow> review = spreadsheets.checkStudents(List.of(
                student(2, "Anna", null, "Smit", "3", "3A"),
                student(3, "Bram", "de", "Vries", "4", "4B")), AccountLookups.NONE);

        assertThat(review.allGood()).isTrue();
        assertThat(review.counts().summary()).isEqualTo("2 goed, 0 met fouten");
        assertThat(review.values()).containsExactly(
                new StudentRow(2, "Anna", null, "Smit", 3, "3A", null, null),
                new StudentRow(3, "Bram", "de", "Vries", 4, "4B", null, null));
    }
}
