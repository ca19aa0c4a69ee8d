package io.newspulse.connector.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import javax.net.ssl.X509TrustManager;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates are made by the JDK's keytool: a CA, a second CA and a server certificate each. */
class ElasticsearchTrustTest {

    private static final String AUTH_TYPE = "ECDHE_ECDSA";

    @TempDir static Path dir;

    private static Path caPem;
    private static X509Certificate ca;
    private static X509Certificate otherCa;
    private static X509Certificate server;
    private static X509Certificate serverOfOtherCa;

    @BeforeAll
    static void makeCertificates() throws Exception {
        keyPair("ca", "CN=test-ca", "-ext", "bc:c");
        keyPair("other", "CN=other-ca", "-ext", "bc:c");
        keyPair("server", "CN=localhost");
        keytool("-certreq", "-alias", "server", "-file", "server.csr");
        signServer("ca", "server.pem");
        signServer("other", "other.pem");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-file", "ca.pem");
        keytool("-exportcert", "-rfc", "-alias", "other", "-file", "other-ca.pem");
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

    private static void keyPair(String alias, String dname, String... extra) throws Exception {
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
        keytool(args.toArray(String[]::new));
    }

    private static void signServer(String caAlias, String outFile) throws Exception {
        keytool(
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

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(
                List.of("-keystore", "keys.p12", "-storetype", "PKCS12", "-storepass", "changeit"));
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
