/**
 * Who is calling: the browser session chain (login, CSRF, logout) and {@link nl.klaspoort.security.CurrentUser}.
 * Owns no table.
 */
@ApplicationModule(allowedDependencies = {"platform"})
package nl.klaspoort.security;

import org.springframework.modulith.ApplicationModule;
