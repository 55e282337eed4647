/**
 * Roles per school ({@code role_grant}) and the tenant checks every school-scoped service makes
 * ({@link nl.klaspoort.access.SchoolAccess}).
 */
@ApplicationModule(allowedDependencies = {"security", "platform"})
package nl.klaspoort.access;

import org.springframework.modulith.ApplicationModule;
