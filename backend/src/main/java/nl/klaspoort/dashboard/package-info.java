/**
 * The school dashboard: its numbers ({@code School.counts}), the publisher's videos, recommended programmes and
 * announcements ({@code dashboard_item}), which publisher staff manage, and its health alerts (X9, {@code School.alerts}),
 * mailed to the school's admins at most once a day ({@code health_alert_mail}).
 */
@ApplicationModule(allowedDependencies = {"access", "contract", "mail", "platform", "school", "security"})
package nl.klaspoort.dashboard;

import org.springframework.modulith.ApplicationModule;
