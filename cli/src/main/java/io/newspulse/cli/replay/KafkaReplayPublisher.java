package io.newspulse.cli.replay;

import io.newspulse.common.config.ConfigException;
import io.newspulse.common.config.Secrets;
import io.newspulse.common.model.RecordSizes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
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
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a {@link ReplaySource} to a Kafka topic: idempotent producer with {@code acks=all},
 * optionally paced to a rate, a progress line every interval, a summary at the end; it waits for
 * every acknowledgement. Ctrl-C (a JVM shutdown) stops sending and flushes what was sent.
 *
 * <p>The Kafka security settings come from the environment as for the jobs ({@code
 * NEWSPULSE_KAFKA_SECURITY_PROTOCOL}, {@code NEWSPULSE_KAFKA_SASL_*}).
 */
public final class KafkaReplayPublisher {

    /**
     * Where and how to publish.
     *
     * @param bootstrapServers Kafka bootstrap servers
     * @param topic the topic
     * @param rate messages per second, 0 for as fast as possible
     * @param connectTimeoutSeconds how long to wait for the broker, and for a topic's metadata
     * @param progressInterval how often to print a progress line
     */
    public record Settings(
            String bootstrapServers,
            String topic,
            double rate,
            int connectTimeoutSeconds,
            Duration progressInterval) {

        public Settings {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(progressInterval, "progressInterval");
        }
    }

    /** Counts of a publication. */
    public record Outcome(long sent, long acked, long failed) {}

    private final Settings settings;
    private final Properties client;

    /**
     * @param env the environment the Kafka security settings come from
     * @throws ReplayException when those settings are invalid
     */
    public KafkaReplayPublisher(Settings settings, Map<String, String> env) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = clientProperties(settings.bootstrapServers(), env);
    }

    /** Bootstrap servers plus the Kafka security settings the jobs take from the environment. */
    private static Properties clientProperties(String servers, Map<String, String> env) {
        Properties props = new Properties();
        try {
            props.putAll(Secrets.from(env).kafkaClientProperties());
        } catch (ConfigException e) {
            throw new ReplayException(e.getMessage());
        }
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        return props;
    }

    /**
     * Fails fast when no broker answers within the connect timeout: a producer would only block and
     * retry.
     *
     * @throws ReplayException when the broker does not answer or the client settings are bad
     */
    public void checkReachable() {
        Properties props = new Properties();
        props.putAll(client);
        int timeoutMs = settings.connectTimeoutSeconds() * 1000;
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unreachable("no answer");
        } catch (ExecutionException e) {
            throw unreachable(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while connecting to Kafka");
        } catch (KafkaException e) {
            throw new ReplayException("bad Kafka client settings: " + e.getMessage());
        }
    }

    private ReplayException unreachable(String why) {
        return new ReplayException(
                "cannot reach Kafka at "
                        + settings.bootstrapServers()
                        + " within "
                        + settings.connectTimeoutSeconds()
                        + " s ("
                        + why
                        + ")");
    }

    /**
     * Sends up to {@code count} messages of the source (all when null), printing progress and a
     * summary (with the first error, if any) to {@code err}.
     */
    public Outcome publish(ReplaySource source, Long count, PrintWriter err) {
        String target = settings.topic();
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
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.connectTimeoutSeconds() * 1000);
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        Long limit = count != null ? count : source.size();
        long sent = 0;
        long started = System.nanoTime();
        long progressNanos = settings.progressInterval().toNanos();
        long nextProgress = started + progressNanos;
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
                ReplaySource.Message m = source.next();
                if (settings.rate() > 0) {
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
                } catch (InterruptException e) {
                    break; // Ctrl-C while the producer's buffer was full.
                } catch (KafkaException e) {
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
                    nextProgress = now + progressNanos;
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
        }
        err.flush();
        return new Outcome(sent, acked.get(), failed.get());
    }

    /** Waits until message {@code index} is due at the rate. */
    private void pace(long started, long index) {
        long due = started + (long) (index * 1e9 / settings.rate());
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
}
