/**
 * Plumbing every module uses and no domain table: the embedded PostgreSQL, GraphQL scalars, limits,
 * connections, cursors, page sizes and errors, the {@link java.time.Clock}, the SQL helper and the message bundle.
 */
@ApplicationModule(allowedDependencies = {})
package nl.klaspoort.platform;

import org.springframework.modulith.ApplicationModule;
