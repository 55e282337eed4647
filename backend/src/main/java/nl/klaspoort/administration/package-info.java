/**
 * User administration: the bulk-mutation machinery (per-item report, dry run, errors as data), the mutations that
 * orchestrate people, membership, access and enrollment through their APIs, the users read model and undo. Owns no table.
 */
@ApplicationModule(allowedDependencies = {"people", "membership", "access", "enrollment", "audit", "product", "school", "security", "platform"})
package nl.klaspoort.administration;

import org.springframework.modulith.ApplicationModule;
