/**
 * Contracts and licences ({@code contract}, {@code licence}): the one "running contract" and "valid licence" rules, the
 * abonnementen screens' reads and changes (A1-A4), the seats enrollments take (A5) and the nightly renewals and endings.
 */
@ApplicationModule(allowedDependencies = {"access", "audit", "people", "platform", "product", "school", "security"})
package nl.klaspoort.contract;

import org.springframework.modulith.ApplicationModule;
