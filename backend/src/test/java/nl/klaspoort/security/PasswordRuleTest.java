package nl.klaspoort.security;

import static nl.klaspoort.security.PasswordRule.Problem.NO_DIGIT;
import static nl.klaspoort.security.PasswordRule.Problem.NO_LETTER;
import static nl.klaspoort.security.PasswordRule.Problem.SAME_AS_LOGIN;
import static nl.klaspoort.security.PasswordRule.Problem.TOO_LONG;
import static nl.klaspoort.security.PasswordRule.Problem.TOO_SHORT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** B1: at least 8 characters with letters and digits; long passphrases in any script work; clear Dutch and English. */
class PasswordRuleTest {

    static final Locale NL = Locale.of("nl");

    @Test
    @DisplayName("B1 a password has at least 8 characters, with letters and digits")
    void theManualsRule() {
        assertThat(PasswordRule.check("Klaspoort2026")).isEmpty();
        assertThat(PasswordRule.check("abcdefg1")).as("exactly 8").isEmpty();
        assertThat(PasswordRule.check("abcdef1")).containsExactly(TOO_SHORT);
        assertThat(PasswordRule.check("abcdefgh")).containsExactly(NO_DIGIT);
        assertThat(PasswordRule.check("12345678")).containsExactly(NO_LETTER);
        assertThat(PasswordRule.check("")).containsExactly(TOO_SHORT, NO_LETTER, NO_DIGIT);
        assertThat(PasswordRule.check(null)).containsExactly(TOO_SHORT, NO_LETTER, NO_DIGIT);
        assertThat(PasswordRule.accepts("!!!!!!!!")).isFalse();
    }

    @Test
    @DisplayName("B1 long passphrases work, in characters as people count them, far beyond bcrypt's 72 bytes")
    void longPassphrasesAndEveryScriptWork() {
        String passphrase = "fietsen naar school in 4 minuten, ook als het regent en de wind uit het westen waait";
        assertThat(PasswordRule.check(passphrase)).isEmpty();
        String dutch = "ë".repeat(PasswordRule.MAX_LENGTH - 1) + "7";
        assertThat(dutch.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(72 * 5);
        assertThat(PasswordRule.check(dutch)).as("200 characters, 399 bytes").isEmpty();
        assertThat(PasswordRule.check(dutch + "x")).containsExactly(TOO_LONG);
        assertThat(PasswordRule.check("😀😀😀😀😀😀é1")).as("8 code points, 14 chars").isEmpty();
        assertThat(PasswordRule.check("😀😀😀😀😀é1")).containsExactly(TOO_SHORT);
        assertThat(PasswordRule.check("Ελληνικά٣")).as("any script's letters and digits").isEmpty();
        assertThat(PasswordRule.check("x".repeat(1_000_000))).containsExactly(TOO_LONG);
    }

    @Test
    void notTheLoginItself() {
        assertThat(PasswordRule.check("Ans.deVries1@school.nl", "ans.devries1@school.nl", null))
                .containsExactly(SAME_AS_LOGIN);
        assertThat(PasswordRule.check("sanne.dejong2", null, "sanne.dejong2")).containsExactly(SAME_AS_LOGIN);
        assertThat(PasswordRule.check("Klaspoort2026", "ans@school.nl")).isEmpty();
    }

    @Test
    void messagesSayWhatIsMissingInDutchAndEnglish() {
        assertThat(PasswordRule.message("abc1", NL))
                .isEqualTo("Een wachtwoord heeft minstens 8 tekens, met letters én cijfers; dit wachtwoord heeft er 4.");
        assertThat(PasswordRule.message("abc1", Locale.ENGLISH))
                .isEqualTo("A password has at least 8 characters, with letters and digits; this one has 4.");
        assertThat(PasswordRule.message("abcdefgh", NL)).isEqualTo(
                "Een wachtwoord heeft letters én cijfers; voeg minstens één cijfer toe.");
        assertThat(PasswordRule.message("12345678", Locale.ENGLISH)).isEqualTo(
                "A password has letters and digits; add at least one letter.");
        assertThat(PasswordRule.message("y".repeat(250) + "1", NL))
                .isEqualTo("Een wachtwoord heeft hoogstens 200 tekens; dit wachtwoord heeft er 251.");
        assertThat(PasswordRule.message("Klaspoort2026", NL)).isNull();
        for (PasswordRule.Problem problem : PasswordRule.Problem.values()) {
            assertThat(problem.message(NL, "x")).isNotBlank().doesNotContain("{")
                    .isNotEqualTo(problem.message(Locale.ENGLISH, "x"));
        }
    }
}
