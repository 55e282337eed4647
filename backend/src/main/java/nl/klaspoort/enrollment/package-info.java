/**
 * Koppelingen ({@code product_assignment}, {@code enrollment}, {@code enrollment_supervisor}).
 */
@ApplicationModule(allowedDependencies = {"contract", "people", "platform", "product"})
package nl.klaspoort.enrollment;

import org.springframework.modulith.ApplicationModule;
