/**
 * Basispoort identities (issue 12): the matching screen (BP2) that links a school's existing Klaspoort pupils to its
 * Basispoort pupils with the X1 suggestions, and who signs in through "Inloggen met Basispoort" (BP4, a
 * {@code SingleSignOnUsers}). Owns no table: links are written through {@code BasispoortLinks}, the Logboek through
 * {@code AuditLog}.
 */
@ApplicationModule(allowedDependencies = {"access", "audit", "basispoort", "matching", "platform", "school", "security"})
package nl.klaspoort.identity;

import org.springframework.modulith.ApplicationModule;
