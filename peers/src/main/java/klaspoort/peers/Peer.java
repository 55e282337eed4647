package klaspoort.peers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;

/**
 * One local peer (an outside system played on loopback). A subclass is a Spring bean that is enabled by its
 * configuration ({@code peers.<name>.enabled}); {@link #prepare()} creates what others must read before they start
 * (certificates, passwords) and also runs with {@code peers.init-only=true}; {@link #startPeer()} opens its ports.
 */
public abstract class Peer implements SmartLifecycle, InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(Peer.class);

    private boolean initOnly;
    private volatile boolean running;

    @Value("${peers.init-only:false}")
    void setInitOnly(boolean initOnly) {
        this.initOnly = initOnly;
    }

    /** Its name in logs and configuration. */
    protected abstract String name();

    /** Files other processes need before this peer runs; idempotent. */
    protected void prepare() {
    }

    /** Opens the peer's ports; returns a one-line description of where it listens. */
    protected abstract String startPeer();

    protected abstract void stopPeer();

    @Override
    public final void afterPropertiesSet() {
        prepare();
    }

    @Override
    public final void start() {
        String where = startPeer();
        running = true;
        log.info("Peer {} ready: {}", name(), where);
    }

    @Override
    public final void stop() {
        stopPeer();
        running = false;
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final boolean isAutoStartup() {
        return !initOnly;
    }
}
