package io.newspulse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspulse.cli.feed.FeedRecord;
import io.newspulse.cli.feed.SampleFeed;
import io.newspulse.common.config.ConfigException;
import io.newspulse.common.config.ConfigValues;
import io.newspulse.common.config.Secrets;
import io.newspulse.common.model.RecordSizes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newspulse replay FILE | --synthetic [--count N] [--rate N] [--topic T] [--bootstrap
 * HOST:PORT] [--seed S] [--connect-timeout SECONDS]}: publishes news JSON lines to Kafka.
 *
 * <p>Each non-blank line of FILE ({@code -} for standard input) is one message, sent as is; its key
 * is the line's {@code id} when the line is a JSON object with one, else null (bad lines are sent
 * too: the enrichment job routes them to the dead-letter topic). {@code --synthetic} sends {@link
 * SampleFeed#live} instead, endlessly unless {@code --count} is given; Ctrl-C stops it after
 * flushing what was sent. A progress line goes to stderr every second; the command waits for every
 * acknowledgement before it exits.
 *
 * <p>Defaults for {@code --bootstrap} and {@code --topic} are the jobs' ({@code
 * NEWSPULSE_KAFKA_BOOTSTRAP_SERVERS}, else localhost:9092; {@code NEWSPULSE_TOPICS_RAW}, else
 * news.raw); SASL settings come from {@code NEWSPULSE_KAFKA_SECURITY_PROTOCOL}, {@code
 * NEWSPULSE_KAFKA_SASL_MECHANISM}, {@code NEWSPULSE_KAFKA_SASL_USERNAME} and {@code
 * NEWSPULSE_KAFKA_SASL_PASSWORD}, as for the jobs.
 *
 * <p>Exit status: 0 all sent and acknowledged; 1 some messages failed; 2 bad arguments, missing or
 * unreadable file, broker unreachable within the connect timeout, bad Kafka environment.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Publish news JSON lines (or a synthetic feed) to a Kafka topic.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(
            arity = "0..1",
            paramLabel = "FILE",
            description = "News JSON lines, one message per non-blank line ('-' for stdin).")
    Path file;

    @Option(
            names = "--synthetic",
            description = "Send the built-in multilingual sample feed instead of a file.")
    boolean synthetic;

    @Option(
            names = "--count",
            paramLabel = "N",
            description = "Stop after N messages (default: the whole file; --synthetic: endless).")
    Long count;

    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "0",
            description = "Messages per second; 0 sends as fast as possible (default).")
    double rate;

    @Option(
            names = "--topic",
            paramLabel = "T",
            description = "Topic (default: NEWSPULSE_TOPICS_RAW, else news.raw).")
    String topic;

    @Option(
            names = "--bootstrap",
            paramLabel = "HOST:PORT",
            description =
                    "Kafka bootstrap servers (default: NEWSPULSE_KAFKA_BOOTSTRAP_SERVERS, else"
                            + " localhost:9092).")
    String bootstrap;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "42",
            description = "Seed of the synthetic feed (default: 42).")
    long seed;

    @Option(
            names = "--connect-timeout",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "How long to wait for the broker (default: 10).")
    int connectTimeoutSeconds;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Environment, replaceable in tests. */
    Map<String, String> env = System.getenv();

    /** Where progress goes every second; replaceable in tests. */
    Duration progressInterval = Duration.ofSeconds(1);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Integer call() {
        validate();
        String servers =
                bootstrap != null ? bootstrap : envOr("kafka.bootstrap_servers", "localhost:9092");
        String target = topic != null ? topic : envOr("topics.raw", "news.raw");
        PrintWriter err = spec.commandLine().getErr();
        try (Source source = openSource()) {
            Properties props = clientProperties(servers);
            checkReachable(props, servers);
            return publish(source, props, target, err);
        }
    }

    private void validate() {
        CommandLine cli = spec.commandLine();
        if (synthetic == (file != null)) {
            throw new CommandLine.ParameterException(cli, "give either FILE or --synthetic");
        }
        if (rate < 0 || !Double.isFinite(rate)) {
            throw new CommandLine.ParameterException(cli, "--rate must be 0 or positive");
        }
        if (count != null && count < 0) {
            throw new CommandLine.ParameterException(cli, "--count must not be negative");
        }
        if (connectTimeoutSeconds < 1) {
            throw new CommandLine.ParameterException(cli, "--connect-timeout must be positive");
        }
    }

    /** The environment override of a config key (as the jobs read it), else the default. */
    private String envOr(String key, String fallback) {
        String v = env.get(ConfigValues.envName(key));
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    /** Bootstrap servers plus the Kafka security settings the jobs take from the environment. */
    private Properties clientProperties(String servers) {
        Properties props = new Properties();
        try {
            props.putAll(Secrets.from(env).kafkaClientProperties());
        } catch (ConfigException e) {
            throw new CliException(e.getMessage(), 2);
        }
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        return props;
    }

    /** Fails fast with exit 2 when no broker answers: a producer would only block and retry. */
    private void checkReachable(Properties client, String servers) {
        Properties props = new Properties();
        props.putAll(client);
        int timeoutMs = connectTimeoutSeconds * 1000;
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unreachable(servers, "no answer");
        } catch (ExecutionException e) {
            throw unreachable(servers, String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while connecting to Kafka", 2);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new CliException("bad Kafka client settings: " + e.getMessage(), 2);
        }
    }

    private CliException unreachable(String servers, String why) {
        return new CliException(
                "cannot reach Kafka at "
                        + servers
                        + " within "
                        + connectTimeoutSeconds
                        + " s ("
                        + why
                        + ")",
                2);
    }

    private int publish(Source source, Properties client, String target, PrintWriter err) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // An article may be 2 MiB (docs/contracts.md), more than the 1 MiB default request.
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordSizes.MAX_MESSAGE_BYTES);
        // A missing topic (without auto-creation) fails a send after this, not after a minute.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, connectTimeoutSeconds * 1000);
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        Long limit = count != null ? count : source.size();
        long sent = 0;
        long started = System.nanoTime();
        long nextProgress = started + progressInterval.toNanos();
        CountDownLatch finished = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook =
                new Thread(
                        () -> {
                            stopping.set(true);
                            main.interrupt();
                            try {
                                finished.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "replay-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            while ((limit == null || sent < limit) && !stopping.get() && source.hasNext()) {
                Message m = source.next();
                if (rate > 0) {
                    pace(started, sent);
                    if (stopping.get()) {
                        break;
                    }
                }
                try {
                    producer.send(
                            new ProducerRecord<>(target, m.key(), m.value()),
                            (meta, e) -> {
                                if (e == null) {
                                    acked.incrementAndGet();
                                } else {
                                    failed.incrementAndGet();
                                    firstError.compareAndSet(null, e.toString());
                                }
                            });
                } catch (org.apache.kafka.common.errors.InterruptException e) {
                    break; // Ctrl-C while the producer's buffer was full.
                } catch (org.apache.kafka.common.KafkaException e) {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, e.toString());
                    if (e instanceof org.apache.kafka.common.errors.TimeoutException) {
                        break; // Metadata never came: the topic is missing, every send would wait.
                    }
                }
                sent++;
                long now = System.nanoTime();
                if (now >= nextProgress) {
                    err.println(progress(sent, limit, acked.get(), failed.get(), now - started));
                    err.flush();
                    nextProgress = now + progressInterval.toNanos();
                }
            }
            Thread.interrupted(); // A Ctrl-C interrupt must not abort the flush.
            producer.flush();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Shutting down already: the hook is running.
            }
        }
        long elapsed = System.nanoTime() - started;
        err.println(
                "done: sent "
                        + sent
                        + " message(s) to "
                        + target
                        + " in "
                        + String.format("%.1f", elapsed / 1e9)
                        + " s ("
                        + perSecond(sent, elapsed)
                        + "/s), acked "
                        + acked.get()
                        + ", errors "
                        + failed.get());
        if (failed.get() > 0) {
            err.println("first error: " + firstError.get());
            if (String.valueOf(firstError.get()).contains("not present in metadata")) {
                err.println("does topic " + target + " exist?");
            }
            err.flush();
            return 1;
        }
        err.flush();
        return 0;
    }

    /** Waits until message {@code index} is due at {@code --rate}. */
    private void pace(long started, long index) {
        long due = started + (long) (index * 1e9 / rate);
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(wait);
        }
    }

    static String progress(long sent, Long total, long acked, long failed, long elapsedNanos) {
        return "sent "
                + sent
                + (total == null ? "" : "/" + total)
                + " ("
                + perSecond(sent, elapsedNanos)
                + "/s), acked "
                + acked
                + ", errors "
                + failed;
    }

    private static long perSecond(long n, long nanos) {
        return nanos <= 0 ? 0 : Math.round(n * 1e9 / nanos);
    }

    // ------------------------------------------------------------------ input

    /** One message: key (or null) and value. */
    record Message(String key, byte[] value) {}

    /** Messages from a file, stdin or the synthetic feed. */
    private interface Source extends Iterator<Message>, AutoCloseable {
        /** Number of messages, or null when unknown or endless. */
        Long size();

        @Override
        void close();
    }

    private Source openSource() {
        if (synthetic) {
            Iterator<FeedRecord> feed = SampleFeed.live(seed, Clock.systemUTC());
            return new Source() {
                @Override
                public Long size() {
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Message next() {
                    FeedRecord r = feed.next();
                    return new Message(r.key(), r.valueBytes());
                }

                @Override
                public void close() {}
            };
        }
        boolean stdin = file.toString().equals("-");
        Long lines = stdin ? null : countLines(file);
        BufferedReader reader = stdin ? reader(System.in) : open(file);
        return new LineSource(reader, stdin ? "<stdin>" : file.toString(), lines);
    }

    private static BufferedReader open(Path f) {
        try {
            return reader(Files.newInputStream(f));
        } catch (NoSuchFileException e) {
            throw new CliException("no such file: " + f, 2);
        } catch (IOException e) {
            throw new CliException("cannot read " + f + ": " + e.getMessage(), 2);
        }
    }

    private static BufferedReader reader(java.io.InputStream in) {
        return new BufferedReader(
                new InputStreamReader(
                        in,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    private static Long countLines(Path f) {
        if (Files.isDirectory(f)) {
            throw new CliException(f + " is a directory", 2);
        }
        try (BufferedReader r = open(f)) {
            long n = 0;
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    n++;
                }
            }
            return n;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CliException(f + " is not UTF-8", 2);
        } catch (IOException e) {
            throw new CliException("cannot read " + f + ": " + e.getMessage(), 2);
        }
    }

    /** The key of a line: its {@code id} when it is a JSON object with a scalar one. */
    static String keyOf(String line) {
        String s = line.strip();
        if (!s.startsWith("{")) {
            return null;
        }
        try {
            JsonNode id = MAPPER.readTree(s).get("id");
            return id != null && id.isValueNode() && !id.isNull() ? id.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Non-blank lines of a reader. */
    private static final class LineSource implements Source {
        private final BufferedReader reader;
        private final String name;
        private final Long size;
        private String nextLine;
        private long lineNumber;

        LineSource(BufferedReader reader, String name, Long size) {
            this.reader = reader;
            this.name = name;
            this.size = size;
        }

        @Override
        public Long size() {
            return size;
        }

        @Override
        public boolean hasNext() {
            try {
                while (nextLine == null) {
                    String line = reader.readLine();
                    if (line == null) {
                        return false;
                    }
                    lineNumber++;
                    if (!line.isBlank()) {
                        nextLine = line;
                    }
                }
                return true;
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new CliException(name + ":" + (lineNumber + 1) + ": not UTF-8", 2);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Message next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String line = nextLine;
            nextLine = null;
            return new Message(keyOf(line), line.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                // Read-only: nothing to lose.
            }
        }
    }
}
