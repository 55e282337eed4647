package klaspoort.peers.mail;

import klaspoort.peers.Peer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** The mail catcher as a peer of the demo run; settings under {@code peers.mail}. */
@Component
@ConditionalOnBooleanProperty(name = "peers.mail.enabled", matchIfMissing = true)
class MailPeer extends Peer {

    /**
     * @param smtpPort  SMTP port on the loopback address (Klaspoort's {@code spring.mail.port} points here)
     * @param inboxPort the inbox page on 127.0.0.1 (-1: off)
     */
    @ConfigurationProperties("peers.mail")
    record Settings(int smtpPort, int inboxPort) {
    }

    private final Settings settings;
    private MailCatcher catcher;

    MailPeer(Settings settings) {
        this.settings = settings;
    }

    @Override
    protected String name() {
        return "mail";
    }

    @Override
    protected String startPeer() {
        catcher = MailCatcher.builder().smtpPort(settings.smtpPort()).inboxPort(settings.inboxPort()).start();
        return "SMTP on 127.0.0.1:" + catcher.smtpPort() + ", inbox " + catcher.inboxUrl();
    }

    @Override
    protected void stopPeer() {
        if (catcher != null) {
            catcher.close();
        }
    }
}
