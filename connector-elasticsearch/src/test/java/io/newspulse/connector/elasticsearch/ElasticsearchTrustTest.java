package io.newspulse.connector.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.apache.flink.util.InstantiationUtil;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates are made by the JDK's keytool: a CA, a second CA and a server certificate each. */
class ElasticsearchTrustTest {

    private static final String AUTH_TYPE = "ECDHE_ECDSA";
    private static final String CA_KEYS = "ca.p12";
    private static final String SERVER_KEYS = "server.p12";
    private static final String STORE_PASSWORD = "changeit";

    @TempDir static Path dir;

    private static Path caPem;
    private static X509Certificate ca;
    private static X509Certificate otherCa;
    private static X509Certificate server;
    private static X509Certificate serverOfOtherCa;

    @BeforeAll
    static void makeCertificates() throws Exception {
        keyPair(CA_KEYS, "ca", "CN=test-ca", "-ext", "bc:c");
        keyPair(CA_KEYS, "other", "CN=other-ca", "-ext", "bc:c");
        keyPair(SERVER_KEYS, "server", "CN=localhost");
        keytool(SERVER_KEYS, "-certreq", "-alias", "server", "-file", "server.csr");
        signServer("ca", "server.pem");
        signServer("other", "other.pem");
        keytool(CA_KEYS, "-exportcert", "-rfc", "-alias", "ca", "-file", "ca.pem");
        keytool(CA_KEYS, "-exportcert", "-rfc", "-alias", "other", "-file", "other-ca.pem");
        // The server presents the chain [server, ca].
        keytool(SERVER_KEYS, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem");
        keytool(SERVER_KEYS, "-importcert", "-alias", "server", "-file", "server.pem");
        caPem = dir.resolve("ca.pem");
        ca = certificate("ca.pem");
        otherCa = certificate("other-ca.pem");
        server = certificate("server.pem");
        serverOfOtherCa = certificate("other.pem");
    }

    @Test
    void caCertificateTrustsWhatItSignedAndRefusesOthers() throws Exception {
        X509TrustManager trust = ElasticsearchTrust.caCertificate(caPem).trustManager();

        assertThatCode(() -> trust.checkServerTrusted(chain(server, ca), AUTH_TYPE))
                .doesNotThrowAnyException();
        assertThatThrownBy(
                        () -> trust.checkServerTrusted(chain(serverOfOtherCa, otherCa), AUTH_TYPE))
                .isInstanceOf(CertificateException.class);
        assertThat(ElasticsearchTrust.caCertificate(caPem).sslContext().getProtocol())
                .isEqualTo("TLS");
    }

    @Test
    void fingerprintOfTheServerCertificateTrustsOnlyThatCertificate() throws Exception {
        X509TrustManager trust =
                ElasticsearchTrust.fingerprint(withColons(sha256(server))).trustManager();

        assertThatCode(() -> trust.checkServerTrusted(chain(server), AUTH_TYPE))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> trust.checkServerTrusted(chain(serverOfOtherCa), AUTH_TYPE))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("fingerprint");
    }

    @Test
    void fingerprintOfACaTrustsOnlyChainsItSigned() throws Exception {
        X509TrustManager trust = ElasticsearchTrust.fingerprint(sha256(ca)).trustManager();

        assertThatCode(() -> trust.checkServerTrusted(chain(server, ca), AUTH_TYPE))
                .doesNotThrowAnyException();
        // Anyone can append the public CA certificate to a chain it did not sign.
        assertThatThrownBy(() -> trust.checkServerTrusted(chain(serverOfOtherCa, ca), AUTH_TYPE))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void checksArguments() throws Exception {
        assertThatThrownBy(() -> ElasticsearchTrust.fingerprint("ab:cd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> ElasticsearchTrust.fingerprint("g".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ElasticsearchTrust.caCertificate(dir.resolve("missing.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot read");
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        assertThatThrownBy(() -> ElasticsearchTrust.caCertificate(notPem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a PEM certificate");
        assertThatThrownBy(() -> ElasticsearchTrust.of(caPem.toString(), sha256(ca)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not both");
        assertThat(ElasticsearchTrust.of("", " ")).isNull();
        assertThat(ElasticsearchTrust.of(null, sha256(ca).toUpperCase(Locale.ROOT))).isNotNull();
    }

    @Test
    void travelsWithTheSinkAndStillTrusts() throws Exception {
        ElasticsearchTrust copy =
                InstantiationUtil.clone(
                        ElasticsearchTrust.caCertificate(caPem), getClass().getClassLoader());

        assertThatCode(() -> copy.trustManager().checkServerTrusted(chain(server, ca), AUTH_TYPE))
                .doesNotThrowAnyException();
    }

    @Test
    void builderTakesOneTrustAndRequiresHttps() {
        JsonDocumentConverter<String> converter = JsonDocumentConverter.toIndex("news", s -> s);

        assertThatThrownBy(
                        () ->
                                ElasticsearchSink.<String>builder()
                                        .setCaCertificate(caPem)
                                        .setCaFingerprint(sha256(ca)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only one of");
        assertThatThrownBy(
                        () ->
                                ElasticsearchSink.<String>builder()
                                        .setHosts("http://h:9200")
                                        .setElementConverter(converter)
                                        .setCaFingerprint(sha256(ca))
                                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("https://");
        assertThat(
                        ElasticsearchSink.<String>builder()
                                .setHosts("https://h:9200")
                                .setElementConverter(converter)
                                .setCaCertificate(caPem)
                                .build())
                .isNotNull();
    }

    @Test
    void httpsRequestsSucceedOnlyWithTheRightTrustAndHostName() throws Exception {
        HttpsServer https = httpsServer();
        try {
            int port = https.getAddress().getPort();
            ElasticsearchTrust byCa = ElasticsearchTrust.caCertificate(caPem);
            ElasticsearchTrust byServerFingerprint = ElasticsearchTrust.fingerprint(sha256(server));

            assertThat(get("https://localhost:" + port, byCa)).isEqualTo(200);
            // The certificate names localhost only: a CA-trusted chain still needs the name.
            assertThatThrownBy(() -> get("https://127.0.0.1:" + port, byCa))
                    .isInstanceOf(IOException.class)
                    .hasStackTraceContaining("127.0.0.1");
            // A pinned server certificate is that server, whatever name reaches it.
            assertThat(get("https://127.0.0.1:" + port, byServerFingerprint)).isEqualTo(200);
            assertThatThrownBy(
                            () ->
                                    get(
                                            "https://localhost:" + port,
                                            ElasticsearchTrust.fingerprint(sha256(otherCa))))
                    .isInstanceOf(IOException.class)
                    .hasStackTraceContaining("configured SHA-256 fingerprint");
        } finally {
            https.stop(0);
        }
    }

    private static int get(String url, ElasticsearchTrust trust) throws IOException {
        try (RestClient client =
                RestClient.builder(HttpHost.create(url))
                        .setHttpClientConfigCallback(trust::configure)
                        .build()) {
            return client.performRequest(new Request("GET", "/")).getStatusLine().getStatusCode();
        }
    }

    private static HttpsServer httpsServer() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(SERVER_KEYS))) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, STORE_PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext(
                "/",
                exchange -> {
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
        server.start();
        return server;
    }

    static String sha256(X509Certificate certificate) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    /** Upper case with colons, as Elasticsearch prints it. */
    private static String withColons(String hex) {
        return IntStream.range(0, hex.length() / 2)
                .mapToObj(i -> hex.substring(2 * i, 2 * i + 2).toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(":"));
    }

    private static X509Certificate[] chain(X509Certificate... certificates) {
        return certificates;
    }

    private static X509Certificate certificate(String file) throws Exception {
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static void keyPair(String keystore, String alias, String dname, String... extra)
            throws Exception {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "-genkeypair",
                                "-alias",
                                alias,
                                "-dname",
                                dname,
                                "-keyalg",
                                "EC",
                                "-validity",
                                "2"));
        args.addAll(List.of(extra));
        keytool(keystore, args.toArray(String[]::new));
    }

    private static void signServer(String caAlias, String outFile) throws Exception {
        keytool(
                CA_KEYS,
                "-gencert",
                "-rfc",
                "-alias",
                caAlias,
                "-infile",
                "server.csr",
                "-outfile",
                outFile,
                "-validity",
                "2",
                "-ext",
                "san=dns:localhost");
    }

    private static void keytool(String keystore, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(
                List.of(
                        "-keystore",
                        keystore,
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        STORE_PASSWORD));
        Process process =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
