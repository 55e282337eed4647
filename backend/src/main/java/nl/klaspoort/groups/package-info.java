/**
 * The school's groups as its roster has them (klassen, samengestelde groepen / subgroepen; {@code school_group}) and who
 * is in them ({@code school_group_member}): pupils in their groups, teachers in the groups they see (BP5).
 * {@code School.groups}.
 */
@ApplicationModule(allowedDependencies = {"access", "people", "school", "security", "platform"})
package nl.klaspoort.groups;

import org.springframework.modulith.ApplicationModule;
