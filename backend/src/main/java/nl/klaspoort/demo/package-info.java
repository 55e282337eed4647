/**
 * Demo data for the default run, written only through the owners' APIs. Owns no table.
 */
@ApplicationModule(allowedDependencies = {"school", "people", "membership", "access", "product", "contract", "enrollment", "results", "iprange", "productclient", "audit", "platform", "dashboard"})
package nl.klaspoort.demo;

import org.springframework.modulith.ApplicationModule;
