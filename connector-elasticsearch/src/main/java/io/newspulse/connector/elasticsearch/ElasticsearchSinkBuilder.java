package io.newspulse.connector.elasticsearch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Defaults: batches of at most 1000 operations or 5 MiB (a single document may not exceed that),
 * sent at the latest after 1 s; 4 requests in flight; 10 000 buffered operations before
 * back-pressure; connect timeout 5 s, socket timeout 60 s; retry backoff 100 ms doubling to 30 s;
 * failure handler {@link FailJobOnBulkItemFailure}. Up to {@code maxInFlightRequests} batches (and
 * retries) may overtake each other; set it to 1 when the same id is written repeatedly with
 * changing content and the last write must win.
 *
 * @param <T> the element type
 */
public final class ElasticsearchSinkBuilder<T> {

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
    private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
    private Duration socketTimeout = DEFAULT_SOCKET_TIMEOUT;
    private ElementConverter<T, BulkOperationRequest> elementConverter;
    private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
    private long maxBatchSizeInBytes = DEFAULT_MAX_BATCH_SIZE_IN_BYTES;
    private Duration maxTimeInBuffer = DEFAULT_MAX_TIME_IN_BUFFER;
    private int maxInFlightRequests = DEFAULT_MAX_IN_FLIGHT_REQUESTS;
    private int maxBufferedRequests = DEFAULT_MAX_BUFFERED_REQUESTS;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private BulkItemFailureHandler failureHandler = new FailJobOnBulkItemFailure();

    ElasticsearchSinkBuilder() {}

    /** Elasticsearch nodes as {@code http://host:port} (or https); replaces earlier hosts. */
    public ElasticsearchSinkBuilder<T> setHosts(String... hosts) {
        return setHosts(List.of(requireNonNull(hosts, "hosts")));
    }

    /** Elasticsearch nodes as {@code http://host:port} (or https); replaces earlier hosts. */
    public ElasticsearchSinkBuilder<T> setHosts(List<String> hosts) {
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
    public ElasticsearchSinkBuilder<T> setBasicAuth(String username, String password) {
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

    /** How long to wait for a TCP connection to a node. */
    public ElasticsearchSinkBuilder<T> setConnectionTimeout(Duration timeout) {
        this.connectionTimeout = checkTimeout(timeout, "connectionTimeout");
        return this;
    }

    /** How long to wait for data on an open connection, i.e. for a bulk answer. */
    public ElasticsearchSinkBuilder<T> setSocketTimeout(Duration timeout) {
        this.socketTimeout = checkTimeout(timeout, "socketTimeout");
        return this;
    }

    /** Turns elements into bulk operations, for example a {@link JsonDocumentConverter}. */
    public ElasticsearchSinkBuilder<T> setElementConverter(
            ElementConverter<T, BulkOperationRequest> elementConverter) {
        this.elementConverter = requireNonNull(elementConverter, "elementConverter");
        return this;
    }

    /** Most operations in one bulk request. */
    public ElasticsearchSinkBuilder<T> setMaxBatchSize(int maxBatchSize) {
        this.maxBatchSize = checkPositive(maxBatchSize, "maxBatchSize");
        return this;
    }

    /** Most bytes in one bulk request; also the largest single operation accepted. */
    public ElasticsearchSinkBuilder<T> setMaxBatchSizeInBytes(long maxBatchSizeInBytes) {
        if (maxBatchSizeInBytes <= 0) {
            throw new IllegalArgumentException(
                    "maxBatchSizeInBytes must be positive, got " + maxBatchSizeInBytes);
        }
        this.maxBatchSizeInBytes = maxBatchSizeInBytes;
        return this;
    }

    /** Longest time an operation waits in the buffer before a partial batch is sent. */
    public ElasticsearchSinkBuilder<T> setMaxTimeInBuffer(Duration maxTimeInBuffer) {
        this.maxTimeInBuffer = checkTimeout(maxTimeInBuffer, "maxTimeInBuffer");
        return this;
    }

    /** Most bulk requests in flight (including those waiting for a retry) per writer. */
    public ElasticsearchSinkBuilder<T> setMaxInFlightRequests(int maxInFlightRequests) {
        this.maxInFlightRequests = checkPositive(maxInFlightRequests, "maxInFlightRequests");
        return this;
    }

    /** Most buffered operations per writer; beyond it the writer back-pressures. */
    public ElasticsearchSinkBuilder<T> setMaxBufferedRequests(int maxBufferedRequests) {
        this.maxBufferedRequests = checkPositive(maxBufferedRequests, "maxBufferedRequests");
        return this;
    }

    /** Backoff before retrying 429/5xx: {@code initial}, doubling per round up to {@code max}. */
    public ElasticsearchSinkBuilder<T> setRetryBackoff(Duration initial, Duration max) {
        new RetryBackoff(checkTimeout(initial, "initialBackoff"), checkTimeout(max, "maxBackoff"));
        this.initialBackoff = initial;
        this.maxBackoff = max;
        return this;
    }

    /** Receives operations rejected for good; default {@link FailJobOnBulkItemFailure}. */
    public ElasticsearchSinkBuilder<T> setFailureHandler(BulkItemFailureHandler failureHandler) {
        this.failureHandler = requireNonNull(failureHandler, "failureHandler");
        return this;
    }

    public ElasticsearchSink<T> build() {
        if (hosts.isEmpty()) {
            throw new IllegalStateException("setHosts(...) is required");
        }
        if (elementConverter == null) {
            throw new IllegalStateException("setElementConverter(...) is required");
        }
        if (maxBufferedRequests < maxBatchSize) {
            throw new IllegalStateException(
                    "maxBufferedRequests ("
                            + maxBufferedRequests
                            + ") must be at least maxBatchSize ("
                            + maxBatchSize
                            + ")");
        }
        // A batch in flight may wait for one answer and one backoff; past this the base writer
        // gives up on the answer and resends the batch itself.
        long requestTimeoutMs =
                socketTimeout.plus(maxBackoff).plus(REQUEST_TIMEOUT_MARGIN).toMillis();
        return new ElasticsearchSink<>(
                elementConverter,
                maxBatchSize,
                maxInFlightRequests,
                maxBufferedRequests,
                maxBatchSizeInBytes,
                maxTimeInBuffer.toMillis(),
                requestTimeoutMs,
                new ElasticsearchConnectionConfig(
                        hosts,
                        username,
                        password,
                        Math.toIntExact(connectionTimeout.toMillis()),
                        Math.toIntExact(socketTimeout.toMillis())),
                new RetryBackoff(initialBackoff, maxBackoff),
                failureHandler);
    }

    private static int checkPositive(int value, String name) {
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
