/**
 * The school dashboard's numbers ({@code School.counts}) and its health alerts (X9, {@code School.alerts}), mailed to
 * the school's admins at most once a day ({@code health_alert_mail}).
 */
@ApplicationModule(allowedDependencies = {"access", "school", "contract", "mail", "platform", "security"})
package nl.klaspoort.dashboard;

import org.springframework.modulith.ApplicationModule;
