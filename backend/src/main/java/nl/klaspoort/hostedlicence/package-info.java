/**
 * Hosted licences: the product tiles of Klaspoort in a pupil's Basispoort portal ({@code hosted_licence}, outbox
 * {@code hosted_licence_push}). Follows enrolments (B12, B18), archiving, the Basispoort sync and contract ends by
 * comparing what pupils should have with what Basispoort was told, and pushes the difference as bulk grants and
 * revokes per school, retried with back-off, never lost and never sent twice.
 */
@ApplicationModule(allowedDependencies = {"access", "basispoort", "contract", "school"})
package nl.klaspoort.hostedlicence;

import org.springframework.modulith.ApplicationModule;
