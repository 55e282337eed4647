/**
 * Support (S1–S7, RS5): the contact form, stored ({@code support_question}) and mailed to the helpdesk with a copy to
 * the sender (S4); where the manual and the remote-support tool are (S3, S5); the publisher's content
 * ({@code support_article}): product status with history and release notes (S1), FAQ (S2), product documents (RS5)
 * and the Informatieplein (S7), published by PUBLISHER staff.
 */
@ApplicationModule(allowedDependencies = {"access", "enrollment", "mail", "people", "platform", "product", "school", "security"})
package nl.klaspoort.helpdesk;

import org.springframework.modulith.ApplicationModule;
