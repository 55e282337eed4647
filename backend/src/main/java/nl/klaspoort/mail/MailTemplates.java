package nl.klaspoort.mail;

import java.util.List;
import java.util.Locale;

/**
 * Renders each {@link Mail} in Dutch or English, as plain text and HTML from one description, so both bodies always
 * say the same. The texts are in {@code mail/mail.properties} (Dutch) and {@code mail/mail_en.properties} (English),
 * ICU message syntax; numbers, dates (Europe/Amsterdam) and durations follow the language.
 */
public interface MailTemplates {

    /** The languages mails are written in, the default (Dutch) first. */
    List<Locale> LANGUAGES = List.of(Locale.of("nl"), Locale.ENGLISH);

    /** The mail in {@code language} (English for English, Dutch for anything else). */
    RenderedMail render(Mail mail, Locale language);
}
