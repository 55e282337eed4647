package nl.klaspoort.roster.internal;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar klaspoort.jar --basispoort-sync}: one Basispoort round now, then exit (0 when it ran, 2 when another
 * round was running): for an operator, or a scheduler outside the application (set {@code klaspoort.roster.nightly-cron}
 * to {@code -} then). Without the option it does nothing.
 */
@Component
class SyncCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SyncCommand.class);

    private final NightlySync nightly;
    private final ConfigurableApplicationContext context;

    SyncCommand(NightlySync nightly, ConfigurableApplicationContext context) {
        this.nightly = nightly;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("basispoort-sync")) {
            return;
        }
        Optional<NightlySync.Round> round = nightly.round();
        round.ifPresent(r -> log.info("Basispoort round {} done: {} schools", r.id(), r.runs().size()));
        int code = round.isPresent() ? 0 : 2;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
