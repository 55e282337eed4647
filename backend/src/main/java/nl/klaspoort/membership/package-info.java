/**
 * Membership of people in schools ({@code school_member}): join, archive, dearchive, lock.
 */
@ApplicationModule(allowedDependencies = {"access", "platform"})
package nl.klaspoort.membership;

import org.springframework.modulith.ApplicationModule;
