package nl.klaspoort.administration;

/**
 * Published when an admin created a professional (B4), after the transaction commits: the professional has no password
 * yet and waits for the activation e-mail (the mail module listens, with {@code @ApplicationModuleListener}, so the
 * event is kept in {@code event_publication} until the mail is sent).
 */
public record ProfessionalCreated(long schoolId, long professionalId) {}
