/**
 * Demo data for the default run, written only through the owners' APIs. Owns no table.
 */
@ApplicationModule(allowedDependencies = {"basispoort", "school", "people", "membership", "access", "product", "contract", "enrollment", "results", "iprange", "productclient", "audit", "platform"})
package nl.klaspoort.demo;

import org.springframework.modulith.ApplicationModule;
