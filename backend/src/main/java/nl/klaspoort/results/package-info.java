/**
 * Practice results ({@code practice_session}): ingestion from products, the supervisor overview and detail,
 * the product query API and live changes.
 */
@ApplicationModule(allowedDependencies = {"product", "people", "productclient", "iprange", "contract", "access", "school", "security", "platform"})
package nl.klaspoort.results;

import org.springframework.modulith.ApplicationModule;
