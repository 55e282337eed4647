package nl.klaspoort.security.internal;

import com.vaadin.hilla.startup.RouteUnifyingServiceInitListener;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link ContentSecurityPolicy.ShellNonces} after the framework's listener that appends the shell's route
 * table script: the framework calls these listeners in the order their beans were defined, so this one, an
 * auto-configuration ordered after that one, sees every script of the page.
 */
@AutoConfiguration(after = RouteUnifyingServiceInitListener.class)
public class ShellNoncesConfiguration {

    @Bean
    ContentSecurityPolicy.ShellNonces shellNonces() {
        return new ContentSecurityPolicy.ShellNonces();
    }
}
