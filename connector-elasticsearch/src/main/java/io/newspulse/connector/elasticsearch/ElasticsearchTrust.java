package io.newspulse.connector.elasticsearch;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;

/**
 * Which HTTPS servers to trust: those whose certificate chains to a CA certificate (PEM), or those
 * presenting a certificate with a given SHA-256 fingerprint, as Elasticsearch prints it on first
 * start. Serialisable: the certificate travels with the job, so task managers need no file.
 *
 * <p>With a CA certificate the server's host name is verified as usual. With a fingerprint, a
 * pinned server certificate is trusted as is; a pinned CA must have signed the chain and the host
 * name is verified.
 */
public final class ElasticsearchTrust implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String caCertificatePem;
    private final String fingerprint;

    private ElasticsearchTrust(String caCertificatePem, String fingerprint) {
        this.caCertificatePem = caCertificatePem;
        this.fingerprint = fingerprint;
    }

    /** Trusts servers whose chain ends at a certificate in the PEM file {@code path}. */
    public static ElasticsearchTrust caCertificate(Path path) {
        requireNonNull(path, "caCertificate");
        String pem;
        try {
            pem = Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read CA certificate " + path + ": " + e, e);
        }
        try {
            parse(pem);
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Not a PEM certificate: " + path + " (" + e.getMessage() + ")", e);
        }
        return new ElasticsearchTrust(pem, null);
    }

    /**
     * Trusts servers presenting a certificate with this SHA-256 fingerprint: 64 hex digits, with or
     * without colons (both as Elasticsearch and {@code openssl x509 -fingerprint} print it).
     */
    public static ElasticsearchTrust fingerprint(String sha256) {
        if (sha256 == null || sha256.isBlank()) {
            throw new IllegalArgumentException("CA fingerprint must not be blank");
        }
        String hex = sha256.trim().replace(":", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(
                    "CA fingerprint must be a SHA-256 fingerprint (64 hex digits, colons allowed),"
                            + " got "
                            + sha256);
        }
        return new ElasticsearchTrust(null, hex);
    }

    /**
     * The trust for a CA certificate path or a fingerprint, at most one of them set (null or blank
     * means unset); null when neither is, which keeps the JDK's default trust.
     */
    public static ElasticsearchTrust of(String caCertificatePath, String caFingerprint) {
        boolean hasCa = caCertificatePath != null && !caCertificatePath.isBlank();
        boolean hasFingerprint = caFingerprint != null && !caFingerprint.isBlank();
        if (hasCa && hasFingerprint) {
            throw new IllegalArgumentException(
                    "Set either a CA certificate or a CA fingerprint, not both");
        }
        if (hasCa) {
            return caCertificate(Path.of(caCertificatePath.trim()));
        }
        return hasFingerprint ? fingerprint(caFingerprint) : null;
    }

    /** An SSL context trusting exactly what this object describes. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create an SSL context: " + e, e);
        }
    }

    /** Host name verification: the default, except for a pinned server certificate. */
    public HostnameVerifier hostnameVerifier() {
        DefaultHostnameVerifier standard = new DefaultHostnameVerifier();
        if (fingerprint == null) {
            return standard;
        }
        return (host, session) -> {
            try {
                if (session.getPeerCertificates()[0] instanceof X509Certificate leaf
                        && matches(leaf)) {
                    return true;
                }
            } catch (SSLPeerUnverifiedException e) {
                return false;
            }
            return standard.verify(host, session);
        };
    }

    /** Applies the SSL context and host name verifier to an HTTP client builder. */
    public HttpAsyncClientBuilder configure(HttpAsyncClientBuilder http) {
        return http.setSSLContext(sslContext()).setSSLHostnameVerifier(hostnameVerifier());
    }

    X509TrustManager trustManager() throws GeneralSecurityException {
        return fingerprint == null
                ? trustManagerFor(parse(caCertificatePem))
                : new FingerprintTrustManager();
    }

    private boolean matches(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return MessageDigest.isEqual(digest, HexFormat.of().parseHex(fingerprint));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<X509Certificate> parse(String pem) throws CertificateException {
        List<X509Certificate> certificates =
                CertificateFactory.getInstance("X.509")
                        .generateCertificates(
                                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                        .stream()
                        .map(X509Certificate.class::cast)
                        .toList();
        if (certificates.isEmpty()) {
            throw new CertificateException("no certificate found");
        }
        return certificates;
    }

    private static X509TrustManager trustManagerFor(List<X509Certificate> anchors)
            throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < anchors.size(); i++) {
            store.setCertificateEntry("ca-" + i, anchors.get(i));
        }
        TrustManagerFactory factory =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return Arrays.stream(factory.getTrustManagers())
                .filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No X.509 trust manager"));
    }

    /**
     * Trusts a chain holding the pinned certificate. A chain may carry any public certificate, so
     * the part below a pinned CA is still validated against it as the only trust anchor.
     */
    private final class FingerprintTrustManager implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            for (int i = 0; chain != null && i < chain.length; i++) {
                if (!matches(chain[i])) {
                    continue;
                }
                if (i == 0) {
                    chain[0].checkValidity();
                    return;
                }
                try {
                    trustManagerFor(List.of(chain[i]))
                            .checkServerTrusted(Arrays.copyOf(chain, i + 1), authType);
                    return;
                } catch (GeneralSecurityException e) {
                    throw new CertificateException(
                            "Chain does not validate against the pinned certificate", e);
                }
            }
            throw new CertificateException(
                    "No certificate in the server's chain has the configured SHA-256 fingerprint");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            throw new CertificateException("Client certificates are not checked here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    @Override
    public String toString() {
        return fingerprint == null ? "ca-certificate" : "sha256-fingerprint=" + fingerprint;
    }
}
