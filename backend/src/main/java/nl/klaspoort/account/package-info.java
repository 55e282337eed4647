/**
 * A person's own login: the password rule (B1) every password follows, and the single-use links mailed to set a
 * password, reset it or confirm a new e-mail address.
 */
@ApplicationModule(allowedDependencies = {"administration", "mail", "people", "platform", "school", "security"})
package nl.klaspoort.account;

import org.springframework.modulith.ApplicationModule;
