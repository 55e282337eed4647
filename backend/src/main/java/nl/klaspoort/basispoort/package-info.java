/**
 * Everything between Klaspoort and Basispoort: the client (Instellingen v2 pulls and Hosted Lika bulk grant/revoke over
 * mutual TLS, typed failures, the mapping onto the roster snapshot), a school's connection with its institution (BP1:
 * found by BRIN, checked, activated by the publisher; {@code basispoort_school}) and the links of local users to their
 * identity in a school's roster ({@code basispoort_link}) that the import pipeline writes and single sign-on, matching
 * and hosted licences read. {@code School.basispoort} and the BP1 mutations.
 */
@ApplicationModule(allowedDependencies = {"edexml", "access", "audit", "school", "security", "platform"})
package nl.klaspoort.basispoort;

import org.springframework.modulith.ApplicationModule;
