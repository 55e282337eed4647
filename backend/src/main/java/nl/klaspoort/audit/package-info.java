/**
 * The audit log ({@code audit_event}): a record API for any kind of target, and {@code School.auditEvents}.
 */
@ApplicationModule(allowedDependencies = {"school", "access", "security", "platform"})
package nl.klaspoort.audit;

import org.springframework.modulith.ApplicationModule;
