/**
 * A person's own login: the single-use links mailed to set a password or reset it, one's own password change, and the
 * mails of a login e-mail change; BP5: a new login e-mail from a school's roster deactivates the old login and mails
 * an activation link to the new address. The password rule itself is {@link nl.klaspoort.security.PasswordRule}.
 */
@ApplicationModule(allowedDependencies = {"administration", "audit", "mail", "people", "platform", "roster", "school", "security"})
package nl.klaspoort.account;

import org.springframework.modulith.ApplicationModule;
