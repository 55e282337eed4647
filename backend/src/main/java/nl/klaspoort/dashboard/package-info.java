/**
 * The school dashboard: its numbers ({@code School.counts}) and the publisher's videos, recommended programmes and
 * announcements ({@code dashboard_item}), which publisher staff manage.
 */
@ApplicationModule(allowedDependencies = {"access", "contract", "platform", "school", "security"})
package nl.klaspoort.dashboard;

import org.springframework.modulith.ApplicationModule;
