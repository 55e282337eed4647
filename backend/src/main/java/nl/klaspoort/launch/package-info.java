/**
 * Opening products from the portal: the tiles of the signed-in user (a pupil's licensed products, D3; a professional's
 * products with their supervisor environments, D2) and the launch of a product by a pupil with a short-lived, single-use
 * launch token signed with Klaspoort's keys (published as JWKS at {@code /oauth2/jwks}). Owns no table.
 */
@ApplicationModule(allowedDependencies = {"access", "contract", "people", "platform", "product", "school", "security"})
package nl.klaspoort.launch;

import org.springframework.modulith.ApplicationModule;
