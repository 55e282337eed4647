/**
 * A person's own login: the single-use links mailed to set a password or reset it, one's own password change, and the
 * mails of a login e-mail change. The password rule itself is {@link nl.klaspoort.security.PasswordRule}.
 */
@ApplicationModule(allowedDependencies = {"administration", "mail", "people", "platform", "school", "security"})
package nl.klaspoort.account;

import org.springframework.modulith.ApplicationModule;
