/**
 * The Basispoort client: Instellingen v2 pulls and Hosted Lika bulk grant/revoke over mutual TLS, typed failures, and
 * the mapping onto the roster snapshot. Owns no table yet.
 */
@ApplicationModule(allowedDependencies = {"edexml"})
package nl.klaspoort.basispoort;

import org.springframework.modulith.ApplicationModule;
