package io.newspulse.connector.elasticsearch;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.connector.base.sink.AsyncSinkBaseBuilder;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * Builds an {@link ElasticsearchSink}. Every setter checks its argument; {@link #build()} checks
 * the combination.
 *
 * <pre>{@code
 * ElasticsearchSink<Article> sink =
 *         ElasticsearchSink.<Article>builder()
 *                 .setHosts("http://127.0.0.1:9200")
 *                 .setBasicAuth(System.getenv("ES_USER"), System.getenv("ES_PASSWORD"))
 *                 .setElementConverter(JsonDocumentConverter.toIndex("articles", Article::id))
 *                 .setFailureHandler(deadLetterHandler)
 *                 .build();
 * }</pre>
 *
 * <p>The batching setters are those of {@link AsyncSinkBaseBuilder}, with their arguments checked.
 * Defaults: batches of at most 1000 operations or 5 MiB, sent at the latest after 1 s; a single
 * operation may be as large as a batch unless {@link #setMaxRecordSizeInBytes} says less; 4
 * requests in flight; 10 000 buffered operations before back-pressure; connect timeout 5 s, socket
 * timeout 60 s; retry backoff 100 ms doubling to 30 s; failure handler {@link
 * FailJobOnBulkItemFailure}. Up to {@code maxInFlightRequests} batches (and retries) may overtake
 * each other; set it to 1 when the same id is written repeatedly with changing content and the last
 * write must win.
 *
 * <p>HTTPS hosts are trusted by the JDK's CAs, or by exactly one of {@link #setCaCertificate} and
 * {@link #setCaFingerprint}; with either set every host must be {@code https://}.
 *
 * @param <InputT> the element type
 */
public final class ElasticsearchSinkBuilder<InputT>
        extends AsyncSinkBaseBuilder<
                InputT, BulkOperationRequest, ElasticsearchSinkBuilder<InputT>> {

    static final int DEFAULT_MAX_BATCH_SIZE = 1000;
    static final long DEFAULT_MAX_BATCH_SIZE_IN_BYTES = 5L * 1024 * 1024;
    static final Duration DEFAULT_MAX_TIME_IN_BUFFER = Duration.ofSeconds(1);
    static final int DEFAULT_MAX_IN_FLIGHT_REQUESTS = 4;
    static final int DEFAULT_MAX_BUFFERED_REQUESTS = 10_000;
    static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

    /** Extra time a batch may spend in flight beyond one socket timeout and one backoff. */
    private static final Duration REQUEST_TIMEOUT_MARGIN = Duration.ofSeconds(30);

    private final List<String> hosts = new ArrayList<>();
    private String username;
    private String password;
    private ElasticsearchTrust trust;
    private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
    private Duration socketTimeout = DEFAULT_SOCKET_TIMEOUT;
    private ElementConverter<InputT, BulkOperationRequest> elementConverter;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private BulkItemFailureHandler failureHandler = new FailJobOnBulkItemFailure();

    ElasticsearchSinkBuilder() {}

    /** Elasticsearch nodes as {@code http://host:port} (or https); replaces earlier hosts. */
    public ElasticsearchSinkBuilder<InputT> setHosts(String... hosts) {
        return setHosts(List.of(requireNonNull(hosts, "hosts")));
    }

    /** Elasticsearch nodes as {@code http://host:port} (or https); replaces earlier hosts. */
    public ElasticsearchSinkBuilder<InputT> setHosts(List<String> hosts) {
        requireNonNull(hosts, "hosts");
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("At least one Elasticsearch host is required");
        }
        List<String> checked = new ArrayList<>();
        for (String host : hosts) {
            checked.add(ElasticsearchConnectionConfig.checkHost(host));
        }
        this.hosts.clear();
        this.hosts.addAll(checked);
        return this;
    }

    /**
     * Basic-auth credentials. The caller reads them from the environment; they travel with the job
     * graph, so never put them in a file in the repository.
     */
    public ElasticsearchSinkBuilder<InputT> setBasicAuth(String username, String password) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        this.username = username;
        this.password = password;
        return this;
    }

    /**
     * Trusts HTTPS servers whose certificate chains to the CA certificate in this PEM file (for
     * example Elasticsearch's {@code config/certs/http_ca.crt}); host names are verified. The file
     * is read here and its certificate travels with the sink. Excludes {@link #setCaFingerprint}.
     */
    public ElasticsearchSinkBuilder<InputT> setCaCertificate(Path caCertificate) {
        checkNoTrustYet("setCaCertificate");
        this.trust = ElasticsearchTrust.caCertificate(caCertificate);
        return this;
    }

    /**
     * Trusts HTTPS servers presenting a certificate with this SHA-256 fingerprint, hex with or
     * without colons, as Elasticsearch prints it on first start. Excludes {@link
     * #setCaCertificate}.
     */
    public ElasticsearchSinkBuilder<InputT> setCaFingerprint(String sha256Fingerprint) {
        checkNoTrustYet("setCaFingerprint");
        this.trust = ElasticsearchTrust.fingerprint(sha256Fingerprint);
        return this;
    }

    /** How long to wait for a TCP connection to a node. */
    public ElasticsearchSinkBuilder<InputT> setConnectionTimeout(Duration timeout) {
        this.connectionTimeout = checkTimeout(timeout, "connectionTimeout");
        return this;
    }

    /** How long to wait for data on an open connection, i.e. for a bulk answer. */
    public ElasticsearchSinkBuilder<InputT> setSocketTimeout(Duration timeout) {
        this.socketTimeout = checkTimeout(timeout, "socketTimeout");
        return this;
    }

    /** Turns elements into bulk operations, for example a {@link JsonDocumentConverter}. */
    public ElasticsearchSinkBuilder<InputT> setElementConverter(
            ElementConverter<InputT, BulkOperationRequest> elementConverter) {
        this.elementConverter = requireNonNull(elementConverter, "elementConverter");
        return this;
    }

    /** Most operations in one bulk request. */
    @Override
    public ElasticsearchSinkBuilder<InputT> setMaxBatchSize(int maxBatchSize) {
        return super.setMaxBatchSize(checkPositive(maxBatchSize, "maxBatchSize"));
    }

    /** Most bytes in one bulk request. */
    @Override
    public ElasticsearchSinkBuilder<InputT> setMaxBatchSizeInBytes(long maxBatchSizeInBytes) {
        return super.setMaxBatchSizeInBytes(
                checkPositive(maxBatchSizeInBytes, "maxBatchSizeInBytes"));
    }

    /** Largest single operation accepted; at most the batch size in bytes (its default). */
    @Override
    public ElasticsearchSinkBuilder<InputT> setMaxRecordSizeInBytes(long maxRecordSizeInBytes) {
        return super.setMaxRecordSizeInBytes(
                checkPositive(maxRecordSizeInBytes, "maxRecordSizeInBytes"));
    }

    /** Longest time in milliseconds an operation waits before a partial batch is sent. */
    @Override
    public ElasticsearchSinkBuilder<InputT> setMaxTimeInBufferMS(long maxTimeInBufferMs) {
        return setMaxTimeInBuffer(Duration.ofMillis(maxTimeInBufferMs));
    }

    /** Longest time an operation waits in the buffer before a partial batch is sent. */
    public ElasticsearchSinkBuilder<InputT> setMaxTimeInBuffer(Duration maxTimeInBuffer) {
        return super.setMaxTimeInBufferMS(
                checkTimeout(maxTimeInBuffer, "maxTimeInBuffer").toMillis());
    }

    /** Most bulk requests in flight (including those waiting for a retry) per writer. */
    @Override
    public ElasticsearchSinkBuilder<InputT> setMaxInFlightRequests(int maxInFlightRequests) {
        return super.setMaxInFlightRequests(
                checkPositive(maxInFlightRequests, "maxInFlightRequests"));
    }

    /** Most buffered operations per writer; beyond it the writer back-pressures. */
    @Override
    public ElasticsearchSinkBuilder<InputT> setMaxBufferedRequests(int maxBufferedRequests) {
        return super.setMaxBufferedRequests(
                checkPositive(maxBufferedRequests, "maxBufferedRequests"));
    }

    /** Backoff before retrying 429/5xx: {@code initial}, doubling per round up to {@code max}. */
    public ElasticsearchSinkBuilder<InputT> setRetryBackoff(Duration initial, Duration max) {
        new RetryBackoff(checkTimeout(initial, "initialBackoff"), checkTimeout(max, "maxBackoff"));
        this.initialBackoff = initial;
        this.maxBackoff = max;
        return this;
    }

    /** Receives operations rejected for good; default {@link FailJobOnBulkItemFailure}. */
    public ElasticsearchSinkBuilder<InputT> setFailureHandler(
            BulkItemFailureHandler failureHandler) {
        this.failureHandler = requireNonNull(failureHandler, "failureHandler");
        return this;
    }

    @Override
    public ElasticsearchSink<InputT> build() {
        if (hosts.isEmpty()) {
            throw new IllegalStateException("setHosts(...) is required");
        }
        if (elementConverter == null) {
            throw new IllegalStateException("setElementConverter(...) is required");
        }
        if (trust != null) {
            for (String host : hosts) {
                if (!host.startsWith("https://")) {
                    throw new IllegalStateException(
                            "A CA certificate or fingerprint is set, so every host must use"
                                    + " https://, got "
                                    + host);
                }
            }
        }
        int maxBatchSize = Objects.requireNonNullElse(getMaxBatchSize(), DEFAULT_MAX_BATCH_SIZE);
        int maxBufferedRequests =
                Objects.requireNonNullElse(getMaxBufferedRequests(), DEFAULT_MAX_BUFFERED_REQUESTS);
        long maxBatchSizeInBytes =
                Objects.requireNonNullElse(
                        getMaxBatchSizeInBytes(), DEFAULT_MAX_BATCH_SIZE_IN_BYTES);
        long maxRecordSizeInBytes =
                Objects.requireNonNullElse(getMaxRecordSizeInBytes(), maxBatchSizeInBytes);
        if (maxBufferedRequests < maxBatchSize) {
            throw new IllegalStateException(
                    "maxBufferedRequests ("
                            + maxBufferedRequests
                            + ") must be at least maxBatchSize ("
                            + maxBatchSize
                            + ")");
        }
        if (maxRecordSizeInBytes > maxBatchSizeInBytes) {
            throw new IllegalStateException(
                    "maxRecordSizeInBytes ("
                            + maxRecordSizeInBytes
                            + ") must be at most maxBatchSizeInBytes ("
                            + maxBatchSizeInBytes
                            + ")");
        }
        // A batch in flight may wait for one answer and one backoff; past this the base writer
        // gives up on the answer and resends the batch itself.
        long requestTimeoutMs =
                socketTimeout.plus(maxBackoff).plus(REQUEST_TIMEOUT_MARGIN).toMillis();
        return new ElasticsearchSink<>(
                elementConverter,
                maxBatchSize,
                Objects.requireNonNullElse(
                        getMaxInFlightRequests(), DEFAULT_MAX_IN_FLIGHT_REQUESTS),
                maxBufferedRequests,
                maxBatchSizeInBytes,
                Objects.requireNonNullElse(
                        getMaxTimeInBufferMS(), DEFAULT_MAX_TIME_IN_BUFFER.toMillis()),
                maxRecordSizeInBytes,
                requestTimeoutMs,
                new ElasticsearchConnectionConfig(
                        hosts,
                        username,
                        password,
                        trust,
                        Math.toIntExact(connectionTimeout.toMillis()),
                        Math.toIntExact(socketTimeout.toMillis())),
                new RetryBackoff(initialBackoff, maxBackoff),
                failureHandler);
    }

    private void checkNoTrustYet(String setter) {
        if (trust != null) {
            throw new IllegalStateException(
                    setter
                            + ": a CA certificate or fingerprint is already set; use only one of"
                            + " setCaCertificate and setCaFingerprint");
        }
    }

    private static int checkPositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    private static long checkPositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    private static Duration checkTimeout(Duration value, String name) {
        requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    name + " must be between 1 ms and ~24 days, got " + value);
        }
        return value;
    }
}
