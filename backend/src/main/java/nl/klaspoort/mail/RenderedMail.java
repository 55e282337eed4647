package nl.klaspoort.mail;

import java.util.Locale;

/**
 * A mail ready to send: both bodies carry the same content (the HTML part for mail clients, the text part for the
 * rest and for screen readers that prefer it).
 *
 * @param subject  the subject line
 * @param text     the text/plain body
 * @param html     the text/html body (inline styles, no images or scripts)
 * @param language its language (the Content-Language header)
 * @param replyTo  where replies go, or null for none (mails from Klaspoort are not answered)
 */
public record RenderedMail(String subject, String text, String html, Locale language, String replyTo) {}
