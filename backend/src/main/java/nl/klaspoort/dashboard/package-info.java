/**
 * The school dashboard's numbers ({@code School.counts}). Owns no table.
 */
@ApplicationModule(allowedDependencies = {"contract", "platform", "school", "security"})
package nl.klaspoort.dashboard;

import org.springframework.modulith.ApplicationModule;
