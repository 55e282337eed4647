/**
 * OAuth2 clients of products ({@code product_client}), the authorization server and the bearer-token chain.
 */
@ApplicationModule(allowedDependencies = {"access", "product", "security", "platform"})
package nl.klaspoort.productclient;

import org.springframework.modulith.ApplicationModule;
