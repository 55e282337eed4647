/**
 * The mails Klaspoort sends: {@link nl.klaspoort.mail.Mail} (one record per mail), {@link nl.klaspoort.mail.MailTemplates}
 * (Dutch or English, HTML and plain text from one description) and the SMTP delivery of {@code spring.mail.*}.
 */
@ApplicationModule(allowedDependencies = {"platform"})
package nl.klaspoort.mail;

import org.springframework.modulith.ApplicationModule;
