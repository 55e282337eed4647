/** Klaspoort's own Dutch manual ({@code docs/handleiding.md}) as a PDF (S3). No tables, no other modules. */
@ApplicationModule(allowedDependencies = {})
package nl.klaspoort.manual;

import org.springframework.modulith.ApplicationModule;
