package klaspoort.peers.basispoort;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import klaspoort.peers.OwnerOnly;
import klaspoort.peers.Peer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Basispoort's single sign-on as a peer of the demo run; settings under {@code peers.basispoort-sso}. Its people are
 * the Basispoort simulator's (read at each sign-in), or the same demo world of its own when the simulator is off.
 */
@Component
@ConditionalOnBooleanProperty(name = "peers.basispoort-sso.enabled", matchIfMissing = true)
class BasispoortSsoPeer extends Peer {

    /**
     * @param port         HTTP port on the loopback address (the issuer is {@code http://localhost:PORT/basispoort})
     * @param clientId     the one client it knows (Klaspoort)
     * @param clientSecret file with the client's secret, generated on first start, readable by the owner only;
     *                     Klaspoort's default configuration imports it
     * @param seed         seed of the demo world when the simulator does not run in this process
     */
    @ConfigurationProperties("peers.basispoort-sso")
    record Settings(int port, String clientId, Path clientSecret, long seed) {
    }

    private final Settings settings;
    private final ObjectProvider<BasispoortPeer> simulator;
    private volatile BasispoortSso sso;

    BasispoortSsoPeer(Settings settings, ObjectProvider<BasispoortPeer> simulator) {
        this.settings = settings;
        this.simulator = simulator;
    }

    @Override
    protected String name() {
        return "basispoort-sso";
    }

    @Override
    protected void prepare() {
        OwnerOnly.secret(settings.clientSecret());
    }

    @Override
    protected String startPeer() {
        BasispoortPeer peer = simulator.getIfAvailable();
        // the simulator makes its world when it starts, which may be after this peer: look it up at each sign-in
        Supplier<BasispoortWorld> world = peer != null ? peer::world : demoWorld();
        sso = BasispoortSso.builder().port(settings.port()).clientId(settings.clientId())
                .clientSecret(OwnerOnly.secret(settings.clientSecret())).world(world).start();
        return "issuer " + sso.issuer() + ", client " + settings.clientId() + ", secret in " + settings.clientSecret();
    }

    private Supplier<BasispoortWorld> demoWorld() {
        BasispoortWorld world = new BasispoortWorld(Clock.systemUTC());
        WorldGenerator.demo(world, settings.seed());
        return () -> world;
    }

    /** The running provider (null before the peer starts). */
    BasispoortSso sso() {
        return sso;
    }

    @Override
    protected void stopPeer() {
        if (sso != null) {
            sso.close();
        }
    }
}
