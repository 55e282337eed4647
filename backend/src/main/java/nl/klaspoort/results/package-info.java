/**
 * Practice results ({@code practice_session}): ingestion from products, the supervisor overview and detail,
 * the product query API and live changes; the weekly digest for supervisors (X10: page and Monday mail, turned off in
 * {@code weekly_digest_opt_out}).
 */
@ApplicationModule(allowedDependencies = {"product", "people", "productclient", "iprange", "contract", "access", "school", "security", "platform", "mail"})
package nl.klaspoort.results;

import org.springframework.modulith.ApplicationModule;
