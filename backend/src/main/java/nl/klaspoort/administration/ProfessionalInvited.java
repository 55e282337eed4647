package nl.klaspoort.administration;

import java.time.Instant;

/**
 * Published when a school's admin added a professional whose e-mail address already belongs to a person who is not a
 * member of the school (issue 10, item 9): after the transaction commits, the account module mails the person
 * {@code token} in an accept link (valid until {@code expiresAt}); nothing is active at the school until they accept.
 * Also published for a resend, with a new token. Only the token's hash is stored with the invitation; the raw token
 * stays in the outbox until the mail is sent.
 */
public record ProfessionalInvited(long schoolId, long invitationId, long userId, String token, Instant expiresAt) {}
