/**
 * Schools, the tenant ({@code school}): {@code Query.schools}, {@code Query.school}, {@code School.myRoles}.
 */
@ApplicationModule(allowedDependencies = {"access", "platform"})
package nl.klaspoort.school;

import org.springframework.modulith.ApplicationModule;
