/**
 * Koppelingen ({@code product_assignment}, {@code enrollment}, {@code enrollment_supervisor}).
 */
@ApplicationModule(allowedDependencies = {"people", "product", "platform"})
package nl.klaspoort.enrollment;

import org.springframework.modulith.ApplicationModule;
