package klaspoort.peers.basispoort;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import klaspoort.peers.tls.Certificates;

/**
 * The Basispoort simulator: the Instellingen v2 and Hosted Lika APIs over mutual TLS (TLS 1.2+, a client certificate
 * signed by the simulator's CA is required), plus the control API over plain HTTP, both on the loopback address.
 * A plain class, so tests run it in-process:
 * <pre>{@code
 * try (BasispoortSimulator simulator = BasispoortSimulator.builder()
 *         .certificates(tempDir)                       // created there on first start
 *         .world(world -> WorldGenerator.demo(world, 1))
 *         .start()) {                                  // free ports
 *     simulator.baseUrl();                             // https://localhost:PORT
 *     simulator.certificates().store("client");        // the publisher's client certificate (PKCS#12 + password)
 *     simulator.world().addPupil(...);                 // change the world
 * }
 * }</pre>
 */
public final class BasispoortSimulator implements AutoCloseable {

    public static final String CLIENT_NAME = "Klaspoort uitgever";

    private final Builder config;
    private final BasispoortWorld world;
    private final Certificates certificates;
    private HttpsServer api;
    private HttpServer control;
    private ExecutorService executor;

    private BasispoortSimulator(Builder config) {
        this.config = config;
        this.world = new BasispoortWorld(config.clock);
        config.seed.accept(world);
        this.certificates = Certificates.ensure(config.certificates, CLIENT_NAME);
    }

    public static Builder builder() {
        return new Builder();
    }

    private BasispoortSimulator listen() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            api = HttpsServer.create(new InetSocketAddress(loopback, config.port), 128);
            SSLContext tls = certificates.serverContext();
            api.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters ssl = tls.getDefaultSSLParameters();
                    ssl.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                    ssl.setNeedClientAuth(true);
                    parameters.setSSLParameters(ssl);
                }
            });
            api.createContext(InstellingenApi.PREFIX, new InstellingenApi(world));
            api.createContext(HostedLikaApi.PREFIX, new HostedLikaApi(world, config.publisherCode));
            api.setExecutor(executor);
            api.start();
            if (config.controlPort >= 0) {
                control = HttpServer.create(new InetSocketAddress(loopback, config.controlPort), 32);
                control.createContext(ControlApi.PREFIX, new ControlApi(world));
                control.setExecutor(executor);
                control.start();
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Basispoort simulator cannot listen", e);
        }
        return this;
    }

    /** The base URL of the mutual-TLS APIs, e.g. {@code https://localhost:9443}. */
    public URI baseUrl() {
        return URI.create("https://localhost:" + port());
    }

    public int port() {
        return api.getAddress().getPort();
    }

    /** The control API's base URL ({@code http://127.0.0.1:PORT/control}), or null when it is off. */
    public URI controlUrl() {
        return control == null ? null : URI.create("http://127.0.0.1:" + control.getAddress().getPort() + ControlApi.PREFIX);
    }

    public BasispoortWorld world() {
        return world;
    }

    public Certificates certificates() {
        return certificates;
    }

    public String publisherCode() {
        return config.publisherCode;
    }

    @Override
    public void close() {
        if (api != null) {
            api.stop(0);
        }
        if (control != null) {
            control.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Settings; every one has a default fit for a test (free ports, system clock, an empty world). */
    public static final class Builder {
        private int port;
        private int controlPort;
        private Path certificates;
        private String publisherCode = "klaspoort";
        private Clock clock = Clock.systemUTC();
        private Consumer<BasispoortWorld> seed = world -> { };

        /** Port of the mutual-TLS APIs; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Port of the control API; 0 (default) picks a free one, -1 switches it off. */
        public Builder controlPort(int controlPort) {
            this.controlPort = controlPort;
            return this;
        }

        /** Directory of the CA, server, client and trust store files; created there on first start. Required. */
        public Builder certificates(Path directory) {
            this.certificates = directory;
            return this;
        }

        /** The publisher's identity code in the Hosted Lika paths. */
        public Builder publisherCode(String code) {
            this.publisherCode = code;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Fills the world before the first request, e.g. {@code world -> WorldGenerator.demo(world, 1)}. */
        public Builder world(Consumer<BasispoortWorld> seed) {
            this.seed = this.seed.andThen(seed);
            return this;
        }

        public BasispoortSimulator start() {
            if (certificates == null) {
                throw new IllegalStateException("certificates(directory) is required");
            }
            return new BasispoortSimulator(this).listen();
        }
    }
}
