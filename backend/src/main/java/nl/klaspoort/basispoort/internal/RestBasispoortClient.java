package nl.klaspoort.basispoort.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import nl.klaspoort.basispoort.BasispoortClient;
import nl.klaspoort.basispoort.BasispoortData.LicenceChange;
import nl.klaspoort.basispoort.BasispoortData.LikaItem;
import nl.klaspoort.basispoort.BasispoortData.LikaUsers;
import nl.klaspoort.basispoort.BasispoortData.SchoolDetails;
import nl.klaspoort.basispoort.BasispoortData.SchoolGroups;
import nl.klaspoort.basispoort.BasispoortData.SchoolOverview;
import nl.klaspoort.basispoort.BasispoortData.SchoolPupils;
import nl.klaspoort.basispoort.BasispoortData.SchoolStaff;
import nl.klaspoort.basispoort.BasispoortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * {@link BasispoortClient} over Spring's {@link RestClient} on the JDK HTTP client, with mutual TLS from the SSL
 * bundle. The client is built on first use, so Klaspoort starts even when the certificate files are not there yet
 * (the demo's peers create them); a missing or unreadable certificate is then a {@code TlsFailure} of that call.
 * Logs carry the path template and school id only.
 */
final class RestBasispoortClient implements BasispoortClient {

    private static final Logger log = LoggerFactory.getLogger(RestBasispoortClient.class);
    private static final String INSTELLINGEN = "/rest/v2/instellingen";
    private static final ParameterizedTypeReference<List<Long>> IDS = new ParameterizedTypeReference<>() { };
    /** The longest wait for a refusal in {@link #handshakeRefused()}. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final BasispoortProperties properties;
    private final SslBundles sslBundles;
    private final RestClient.Builder builder;
    private volatile RestClient rest;
    private volatile SslBundle bundle;

    RestBasispoortClient(BasispoortProperties properties, SslBundles sslBundles, RestClient.Builder builder) {
        this.properties = properties;
        this.sslBundles = sslBundles;
        this.builder = builder;
    }

    @Override
    public List<Long> schoolIds() {
        return call("GET /", null, r -> r.get().uri(INSTELLINGEN).retrieve().body(IDS));
    }

    @Override
    public SchoolOverview overview(long schoolId) {
        return call("GET /{id}", schoolId, r -> r.get().uri(INSTELLINGEN + "/{id}", schoolId).retrieve()
                .body(SchoolOverview.class));
    }

    @Override
    public SchoolDetails details(long schoolId) {
        return get("details", schoolId, SchoolDetails.class);
    }

    @Override
    public SchoolGroups groups(long schoolId) {
        return get("groepen", schoolId, SchoolGroups.class);
    }

    @Override
    public SchoolPupils pupils(long schoolId) {
        return get("leerlingen", schoolId, SchoolPupils.class);
    }

    @Override
    public SchoolPupils pupils(long schoolId, Collection<Long> pupilIds) {
        return post("leerlingen", schoolId, List.copyOf(pupilIds));
    }

    @Override
    public SchoolPupils pupilsByEckId(long schoolId, Collection<String> eckIds) {
        return post("leerlingen_eckid", schoolId, List.copyOf(eckIds));
    }

    @Override
    public SchoolStaff staff(long schoolId) {
        return get("staf", schoolId, SchoolStaff.class);
    }

    @Override
    public String ref(long schoolId) {
        return get("ref", schoolId, String.class);
    }

    @Override
    public boolean hasSynchronizationPermission(long schoolId, boolean requestPermission) {
        record Permission(boolean hasSynchronizationPermission) {
        }
        Permission permission = call("GET /{id}/uitgever/synchronizationpermission", schoolId, r -> r.get()
                .uri(INSTELLINGEN + "/{id}/uitgever/synchronizationpermission?request-permission={request}", schoolId,
                        requestPermission)
                .retrieve().body(Permission.class));
        return permission != null && permission.hasSynchronizationPermission();
    }

    @Override
    public void giveUpSynchronizationPermission(long schoolId) {
        call("DELETE /{id}/uitgever/synchronizationpermission", schoolId, r -> r.delete()
                .uri(INSTELLINGEN + "/{id}/uitgever/synchronizationpermission", schoolId).retrieve().toBodilessEntity());
    }

    @Override
    public List<Long> permissionsGranted(LocalDate day) {
        return call("GET /synchronizationpermission/toegekend/{day}", null, r -> r.get()
                .uri(INSTELLINGEN + "/synchronizationpermission/toegekend/{day}", day).retrieve().body(IDS));
    }

    @Override
    public List<Long> permissionsRevoked(LocalDate day) {
        return call("GET /synchronizationpermission/ingetrokken/{day}", null, r -> r.get()
                .uri(INSTELLINGEN + "/synchronizationpermission/ingetrokken/{day}", day).retrieve().body(IDS));
    }

    @Override
    public void grant(LicenceChange change) {
        permissions("grant", change);
    }

    @Override
    public void revoke(LicenceChange change) {
        permissions("revoke", change);
    }

    private void permissions(String action, LicenceChange change) {
        call("POST hosted-lika /permissions/" + action, null, r -> r.post()
                .uri("/hosted-lika/management/lika/{code}/permissions/{action}", properties.publisherCode(), action)
                .contentType(MediaType.APPLICATION_JSON).body(change).retrieve().toBodilessEntity());
    }

    @Override
    public void putProduct(LikaItem method, LikaItem product) {
        call("POST hosted-lika /methode", null, r -> r.post()
                .uri("/hosted-lika/management/lika/{code}/methode", properties.publisherCode())
                .contentType(MediaType.APPLICATION_JSON).body(method).retrieve().toBodilessEntity());
        call("POST hosted-lika /methode/{id}/product", null, r -> r.post()
                .uri("/hosted-lika/management/lika/{code}/methode/{method}/product", properties.publisherCode(), method.id())
                .contentType(MediaType.APPLICATION_JSON).body(product).retrieve().toBodilessEntity());
    }

    @Override
    public List<Long> productUsers(String methodId, String productId) {
        return call("GET hosted-lika /methode/{id}/product/{id}/gebruiker", null, r -> r.get()
                .uri("/hosted-lika/management/lika/{code}/methode/{method}/product/{product}/gebruiker",
                        properties.publisherCode(), methodId, productId)
                .retrieve().body(LikaUsers.class)).userIds();
    }

    private <T> T get(String resource, long schoolId, Class<T> type) {
        return call("GET /{id}/" + resource, schoolId, r -> r.get()
                .uri(INSTELLINGEN + "/{id}/" + resource, schoolId).retrieve().body(type));
    }

    private SchoolPupils post(String resource, long schoolId, Object body) {
        return call("POST /{id}/" + resource, schoolId, r -> r.post()
                .uri(INSTELLINGEN + "/{id}/" + resource, schoolId).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(SchoolPupils.class));
    }

    /** One call, its failure mapped to a {@link BasispoortException}; {@code schoolId} null when not about one school. */
    private <T> T call(String what, Long schoolId, Function<RestClient, T> call) {
        long started = System.nanoTime();
        try {
            T result = call.apply(rest());
            log.debug("Basispoort {} (school {}) in {} ms", what, schoolId, (System.nanoTime() - started) / 1_000_000);
            return result;
        } catch (HttpStatusCodeException e) {
            int status = e.getStatusCode().value();
            log.info("Basispoort {} (school {}) answered {}", what, schoolId, status);
            if (status == 404 && schoolId != null) {
                throw new BasispoortException.SchoolNotFound(schoolId, e);
            }
            if (status == 403 && schoolId != null) {
                throw new BasispoortException.NoConsent(schoolId, e);
            }
            if (e.getStatusCode().is5xxServerError() || status == 429) {
                throw new BasispoortException.Unavailable("Basispoort " + what + " answered " + status, schoolId, e);
            }
            throw new BasispoortException.Refused("Basispoort " + what + " answered " + status, schoolId, status, e);
        } catch (ResourceAccessException e) {
            log.info("Basispoort {} (school {}) failed: {}", what, schoolId, e.getMostSpecificCause().getClass().getSimpleName());
            if (causedBy(e, SSLException.class) || brokenWithoutReason(e) && handshakeRefused()) {
                throw new BasispoortException.TlsFailure("TLS with Basispoort failed for " + what
                        + " (client certificate refused, or server not trusted)", schoolId, e);
            }
            throw new BasispoortException.Unavailable("Basispoort unreachable for " + what, schoolId, e);
        }
    }

    /** A connection that was made and then broke (reset, closed early), not one refused, unresolved or timed out. */
    private static boolean brokenWithoutReason(ResourceAccessException e) {
        return !causedBy(e, ConnectException.class) && !causedBy(e, UnknownHostException.class)
                && !causedBy(e, HttpTimeoutException.class) && !causedBy(e, InterruptedIOException.class);
    }

    /**
     * Whether the server refuses the TLS handshake itself, asked after a connection broke without saying why. With TLS
     * 1.3 a server checks the client certificate only after the client has finished its side of the handshake, by which
     * time the client has already sent its request. A server that then refuses the certificate sends its alert and
     * closes a connection with that request still unread, which makes the operating system answer with a reset, and a
     * reset may arrive before the alert is read: the client sees "connection reset" where the cause was its certificate.
     * This probe shakes hands on a new connection and sends nothing, so nothing is left unread and the alert arrives:
     * a refusal is a {@code TlsFailure} (not worth retrying), anything else leaves the failure an outage.
     */
    private boolean handshakeRefused() {
        URI base = URI.create(properties.baseUrl());
        int port = base.getPort() > 0 ? base.getPort() : 443;
        int timeout = (int) Math.min(PROBE_TIMEOUT.toMillis(), properties.connectTimeout().toMillis());
        try (Socket tcp = new Socket()) {
            tcp.connect(new InetSocketAddress(base.getHost(), port), timeout);
            try (SSLSocket tls = (SSLSocket) bundle.createSslContext().getSocketFactory()
                    .createSocket(tcp, base.getHost(), port, false)) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (bundle.getOptions().getEnabledProtocols() != null) {
                    parameters.setProtocols(bundle.getOptions().getEnabledProtocols());
                }
                if (bundle.getOptions().getCiphers() != null) {
                    parameters.setCipherSuites(bundle.getOptions().getCiphers());
                }
                tls.setSSLParameters(parameters);
                tls.setSoTimeout(timeout);
                tls.startHandshake();
                tls.getInputStream().read(); // a server that accepted us waits for a request: this times out
                return false;
            }
        } catch (SSLException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private RestClient rest() {
        RestClient client = rest;
        if (client == null) {
            synchronized (this) {
                if (rest == null) {
                    rest = build();
                }
                client = rest;
            }
        }
        return client;
    }

    private RestClient build() {
        if (!StringUtils.hasText(properties.baseUrl())) {
            throw new BasispoortException.NotConfigured();
        }
        SslBundle bundle;
        try {
            bundle = sslBundles.getBundle(properties.sslBundle());
            bundle.createSslContext(); // reads the key and trust stores now, so a missing file fails here, clearly
        } catch (RuntimeException e) {
            log.warn("SSL bundle '{}' (Basispoort client certificate and trust store) cannot be loaded: {}",
                    properties.sslBundle(), e.getMessage());
            throw new BasispoortException.TlsFailure("SSL bundle '" + properties.sslBundle()
                    + "' (the publisher's client certificate and trust store) cannot be loaded", null, e);
        }
        this.bundle = bundle;
        HttpClientSettings settings = HttpClientSettings.ofSslBundle(bundle)
                .withTimeouts(properties.connectTimeout(), properties.readTimeout());
        return builder.clone()
                .baseUrl(properties.baseUrl())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
