/**
 * The publisher's products and their curricula ({@code product}, {@code lesson}).
 */
@ApplicationModule(allowedDependencies = {"security", "platform"})
package nl.klaspoort.product;

import org.springframework.modulith.ApplicationModule;
