package nl.klaspoort.mail.internal;

import nl.klaspoort.mail.RenderedMail;

/**
 * A mail waiting in the outbox ({@code event_publication}) until SMTP has taken it. Its publication is deleted once
 * sent (it holds the link secrets of account mails).
 *
 * @param to   the recipient
 * @param mail the rendered mail
 * @param kind the mail's kind for the log, e.g. {@code Activation} (never the address)
 */
public record MailRequested(String to, RenderedMail mail, String kind) {}
