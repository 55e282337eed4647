package nl.klaspoort.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import klaspoort.peers.mail.MailCatcher;
import klaspoort.peers.products.ProductLandingPages;

/**
 * The packaged application ({@code backend/target/klaspoort.jar}) running in its own process on a free port, with its
 * embedded PostgreSQL in a fresh data directory and the demo data, beside the local peers
 * ({@code peers/target/klaspoort-peers-exec.jar}: the Basispoort simulator and its single sign-on, on free ports,
 * sharing the data directory for their certificates): exactly what the README's run command starts. Beside it, in
 * this JVM, the demo products' landing pages (the products peer), which the demo data's products launch at and which
 * verify the launch tokens against the app's keys. One instance per test JVM, started on first use and stopped when
 * the JVM ends. Its mails go over real SMTP to a mail catcher in this JVM ({@link #mail()}).
 */
public final class KlaspoortApp {

    private static final String READY_LINE = "Demo data written";
    private static KlaspoortApp instance;

    private final Process process;
    private final Process peers;
    private final int port;
    private final ProductLandingPages products;
    private final int controlPort;
    private final MailCatcher mail;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private KlaspoortApp() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("klaspoort.jar", "../backend/target/klaspoort.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged application at " + jar + ": run the build (./mvnw verify) first");
        }
        port = freePort();
        products = ProductLandingPages.builder().klaspoort(URI.create("http://localhost:" + port)).start();
        mail = MailCatcher.builder().inboxPort(-1).start();
        Path dataDir = Files.createTempDirectory("klaspoort-e2e-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Path peersJar = Path.of(System.getProperty("klaspoort.peers.jar", "../peers/target/klaspoort-peers-exec.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(peersJar)) {
            throw new IllegalStateException("No packaged peers at " + peersJar + ": run the build (./mvnw verify) first");
        }
        int basispoortPort = freePort();
        controlPort = freePort();
        int ssoPort = freePort();
        // the simulator and its single sign-on only, on free ports: the mail catcher and the products' pages run in this
        // JVM (their default ports would clash with a demo run or another build on the machine)
        ProcessBuilder peersBuilder = new ProcessBuilder(java, "-Xmx256m", "-jar", peersJar.toString(),
                "--peers.mail.enabled=false", "--peers.products.enabled=false").redirectErrorStream(true);
        peersBuilder.environment().put("KLASPOORT_DATA_DIR", dataDir.toString());
        peersBuilder.environment().put("KLASPOORT_BASISPOORT_PORT", Integer.toString(basispoortPort));
        peersBuilder.environment().put("KLASPOORT_BASISPOORT_CONTROL_PORT", Integer.toString(controlPort));
        peersBuilder.environment().put("KLASPOORT_BASISPOORT_SSO_PORT", Integer.toString(ssoPort));
        peers = peersBuilder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> peers.destroy()));
        // both peers (the simulator and the single sign-on) say "Peer … ready" once they listen
        awaitLines(peers, "peers", " ready: ", 2);

        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-jar", jar.toString())
                .redirectErrorStream(true);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("KLASPOORT_DATA_DIR", dataDir.toString());
        builder.environment().put("KLASPOORT_DEMO_PRODUCTS_URL", products.baseUrl());
        builder.environment().put("KLASPOORT_TOKEN_ISSUER", "http://localhost:" + port);
        builder.environment().put("KLASPOORT_BASISPOORT_BASE_URL", "https://localhost:" + basispoortPort);
        builder.environment().put("KLASPOORT_BASISPOORT_SSO_ISSUER", "http://localhost:" + ssoPort + "/basispoort");
        builder.environment().put("KLASPOORT_MAIL_SMTP_PORT", Integer.toString(mail.smtpPort()));
        process = builder.start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    log.add(line);
                    if (line.contains(READY_LINE)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("application exited:\n" + String.join("\n", tail())));
        }, "klaspoort-app-log");
        reader.setDaemon(true);
        reader.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        try {
            ready.get(180, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            stop();
            throw new IllegalStateException("application not ready within 180 s:\n" + String.join("\n", tail()), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    public static synchronized KlaspoortApp get() {
        if (instance == null) {
            try {
                instance = new KlaspoortApp();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Where the demo products' landing pages are (e.g. {@code /leeslab/start}). */
    public String productsUrl() {
        return products.baseUrl();
    }

    /** The Basispoort simulator's control API (plain HTTP on loopback; its calls are listed in the peers' README). */
    public String basispoortControl() {
        return "http://127.0.0.1:" + controlPort + "/control";
    }

    /** The SMTP server the application sends its mails to. */
    public MailCatcher mail() {
        return mail;
    }

    /** The last lines the application printed, for failure messages. */
    public List<String> tail() {
        synchronized (log) {
            return List.copyOf(log.subList(Math.max(0, log.size() - 200), log.size()));
        }
    }

    private void stop() {
        products.close();
        peers.destroy();
        mail.close();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a process's output (kept for failure messages) until {@code count} lines contain {@code marker}. */
    private void awaitLines(Process child, String name, String marker, int count) throws InterruptedException {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            int seen = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    log.add("[" + name + "] " + line);
                    if (line.contains(marker) && ++seen == count) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException(name + " exited:\n" + String.join("\n", tail())));
        }, "klaspoort-" + name + "-log");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(120, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            child.destroy();
            throw new IllegalStateException(name + " not ready within 120 s:\n" + String.join("\n", tail()), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
