package nl.klaspoort.administration;

import java.time.Instant;

/**
 * Published when a professional asked to change their own login e-mail (with their current password): the mail module
 * (issue 15) sends {@code token} to {@code newEmail}, and nothing changes until it comes back through
 * {@code myEmailChangeConfirm} before {@code expiresAt}. The token is single-use; only its hash is stored with the
 * pending change.
 */
public record EmailChangeRequested(long userId, String newEmail, String token, Instant expiresAt) {}
