/**
 * A school's IP addresses and ranges ({@code school_ip_range}, {@code school_ip_range_activity}) and
 * SCHOOL/HOME classification.
 */
@ApplicationModule(allowedDependencies = {"audit", "access", "school", "security", "platform"})
package nl.klaspoort.iprange;

import org.springframework.modulith.ApplicationModule;
