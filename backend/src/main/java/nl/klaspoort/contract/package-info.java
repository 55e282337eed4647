/**
 * Contracts and licences ({@code contract}, {@code licence}) and the one "running contract" rule.
 */
@ApplicationModule(allowedDependencies = {"school", "product", "access", "platform"})
package nl.klaspoort.contract;

import org.springframework.modulith.ApplicationModule;
