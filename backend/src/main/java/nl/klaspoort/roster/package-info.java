/**
 * The one import pipeline for a school's roster (BP3, BP6, X2, X4, X11, X12): a source (Basispoort, or an EDEXML file)
 * gives a {@link nl.klaspoort.edexml.RosterSnapshot}, which is compared with the school's current pupils, teachers and
 * groups into a preview of changes with their reasons; applied (after review, or nightly below the hold threshold) in
 * one transaction through the owners' APIs. Owns the runs ({@code roster_run}, {@code roster_round}) and their changes
 * ({@code roster_change}); publishes {@link nl.klaspoort.roster.RosterApplied}.
 */
@ApplicationModule(allowedDependencies = {"basispoort", "edexml", "people", "membership", "groups", "enrollment",
        "audit", "access", "school", "security", "platform"})
package nl.klaspoort.roster;

import org.springframework.modulith.ApplicationModule;
