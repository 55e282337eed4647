package klaspoort.peers.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import klaspoort.peers.OwnerOnly;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates of a mutual-TLS peer, kept in one directory as PKCS#12 files, each with its generated password in
 * a file beside it ({@code client.p12} + {@code client.p12.password}), readable by the owner only:
 * <ul>
 * <li>{@code ca.p12}: the peer's own certificate authority (key and certificate), and {@code ca.pem}</li>
 * <li>{@code truststore.p12}: the CA certificate only; both sides trust it</li>
 * <li>{@code server.p12}: the server's key and certificate for {@code localhost}, 127.0.0.1 and ::1</li>
 * <li>{@code client.p12}: the client's key and certificate (Klaspoort, the publisher), alias {@code client}</li>
 * </ul>
 * Created on first use; later uses load what is there. EC P-256 keys, SHA-256 signatures.
 */
public final class Certificates {

    public static final String CA = "ca";
    public static final String TRUSTSTORE = "truststore";
    public static final String SERVER = "server";
    public static final String CLIENT = "client";

    /** A PKCS#12 file and its password. */
    public record Store(Path file, char[] password) {

        public KeyStore load() {
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password);
                return store;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    private Certificates(Path directory) {
        this.directory = directory;
    }

    /** The certificates in {@code directory}, created there first if they are not there yet. */
    public static synchronized Certificates ensure(Path directory, String clientName) {
        Certificates certificates = new Certificates(directory);
        if (!Files.exists(directory.resolve(CLIENT + ".p12.password"))) {
            certificates.create(clientName);
        }
        return certificates;
    }

    public Path directory() {
        return directory;
    }

    public Store store(String name) {
        Path file = directory.resolve(name + ".p12");
        try {
            return new Store(file, Files.readString(directory.resolve(name + ".p12.password")).strip().toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TLS for the server side: its own key, and trust in the CA for client certificates. */
    public SSLContext serverContext() {
        return context(store(SERVER));
    }

    /** TLS for a client that presents the client certificate. */
    public SSLContext clientContext() {
        return context(store(CLIENT));
    }

    /** TLS for a client that trusts the server but has no certificate of its own. */
    public SSLContext anonymousClientContext() {
        return context(null);
    }

    private SSLContext context(Store keys) {
        try {
            KeyManagerFactory keyManagers = null;
            if (keys != null) {
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys.load(), keys.password());
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(store(TRUSTSTORE).load());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS context from " + directory, e);
        }
    }

    private void create(String clientName) {
        try {
            Files.createDirectories(directory);
            OwnerOnly.restrict(directory);
            Instant now = Instant.now();
            KeyPair caKeys = keyPair();
            X500Name caName = new X500Name("CN=Basispoort simulator CA,O=Klaspoort peers");
            X509Certificate ca = sign(caName, caKeys, caName, caKeys.getPublic(), now, Duration.ofDays(3650), builder -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            });
            KeyPair serverKeys = keyPair();
            X509Certificate server = sign(caName, caKeys, new X500Name("CN=localhost,O=Klaspoort peers"),
                    serverKeys.getPublic(), now, Duration.ofDays(825), builder -> {
                        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                                new GeneralName(GeneralName.dNSName, "localhost"),
                                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                                new GeneralName(GeneralName.iPAddress, InetAddress.getByName("::1").getHostAddress())}));
                        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    });
            KeyPair clientKeys = keyPair();
            X509Certificate client = sign(caName, caKeys, new X500Name("CN=" + clientName + ",O=Klaspoort"),
                    clientKeys.getPublic(), now, Duration.ofDays(825), builder -> {
                        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    });

            writeKeyStore(CA, CA, caKeys.getPrivate(), ca);
            writeKeyStore(SERVER, SERVER, serverKeys.getPrivate(), server, ca);
            writeTrustStore(ca);
            Files.writeString(directory.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ca.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            // last: its password file is the marker that the set is complete
            writeKeyStore(CLIENT, CLIENT, clientKeys.getPrivate(), client, ca);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create certificates in " + directory, e);
        }
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws IOException;
    }

    private static X509Certificate sign(X500Name issuer, KeyPair issuerKeys, X500Name subject,
            java.security.PublicKey subjectKey, Instant now, Duration validity, Extensions extensions)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, subjectKey);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
        extensions.add(builder);
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private void writeKeyStore(String name, String alias, PrivateKey key, Certificate... chain)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = password();
        store.setKeyEntry(alias, key, password, chain);
        save(name, store, password);
    }

    private void writeTrustStore(X509Certificate ca) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("basispoort-ca", ca);
        save(TRUSTSTORE, store, password());
    }

    private void save(String name, KeyStore store, char[] password) throws IOException, GeneralSecurityException {
        Path file = directory.resolve(name + ".p12");
        Path passwordFile = directory.resolve(name + ".p12.password");
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            store.store(out, password);
        }
        Files.writeString(passwordFile, new String(password));
        OwnerOnly.restrict(file);
        OwnerOnly.restrict(passwordFile);
    }

    private static char[] password() {
        return OwnerOnly.randomSecret(18).toCharArray();
    }
}
