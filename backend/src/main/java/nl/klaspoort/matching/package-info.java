/**
 * X1 matching suggestions for BP2, pure (no tables, no Spring beans): local and Basispoort pupils paired with a
 * confidence and its reasons.
 */
@ApplicationModule(allowedDependencies = {})
package nl.klaspoort.matching;

import org.springframework.modulith.ApplicationModule;
