/**
 * People who sign in ({@code app_user}): professionals and students, login lookup, {@code Query.me}.
 */
@ApplicationModule(allowedDependencies = {"access", "school", "security", "platform"})
package nl.klaspoort.people;

import org.springframework.modulith.ApplicationModule;
