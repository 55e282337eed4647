/**
 * The school dashboard's numbers ({@code School.counts}). Owns no table.
 */
@ApplicationModule(allowedDependencies = {"school", "contract", "platform", "security"})
package nl.klaspoort.dashboard;

import org.springframework.modulith.ApplicationModule;
