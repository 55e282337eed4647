package nl.klaspoort.administration;

/**
 * Published when a professional confirmed their new login e-mail: the mail module tells the old address (so that a
 * change the person did not make is noticed).
 */
public record EmailChanged(long userId, String oldEmail, String newEmail) {}
