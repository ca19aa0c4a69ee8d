package io.newspulse.cli.bench;

import io.newspulse.common.model.RecordSizes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The bench's own Kafka clients: a producer of articles and the end offsets it watches. */
final class BenchKafka implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final Admin admin;

    BenchKafka(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordSizes.MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p);
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        admin = Admin.create(a);
    }

    /**
     * Sends {@code count} articles as fast as the producer takes them, with event times one {@code
     * eventStep} apart ending now, and waits until all are acknowledged.
     */
    void preload(String topic, BenchArticles articles, int count, Duration eventStep) {
        Instant first = Instant.now().minus(eventStep.multipliedBy(count));
        for (int n = 0; n < count; n++) {
            Instant at = first.plus(eventStep.multipliedBy(n));
            producer.send(
                    new ProducerRecord<>(
                            topic,
                            null,
                            at.toEpochMilli(),
                            bytes(articles.id(n)),
                            articles.article(n, at)));
        }
        producer.flush();
    }

    /**
     * Sends articles at {@code perSecond} for {@code duration}, each published now and with its
     * send time as Kafka timestamp (CreateTime), logging each in {@code log}; returns how many were
     * sent. A producer that falls behind sends the late ones at once (no catch-up is skipped).
     */
    int paced(
            String topic,
            BenchArticles articles,
            long firstNumber,
            int perSecond,
            Duration duration,
            FeedLog log) {
        long start = System.nanoTime();
        long total = duration.toSeconds() * perSecond;
        long lastMillis = 0;
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / perSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long now = Math.max(lastMillis, System.currentTimeMillis());
            lastMillis = now;
            long n = firstNumber + i;
            String id = articles.id(n);
            log.add(id, now, now);
            producer.send(
                    new ProducerRecord<>(
                            topic,
                            null,
                            now,
                            bytes(id),
                            articles.article(n, Instant.ofEpochMilli(now))));
        }
        producer.flush();
        return (int) total;
    }

    /** Sends one article now and waits for it. */
    void sendNow(String topic, BenchArticles articles, long n) throws Exception {
        long now = System.currentTimeMillis();
        producer.send(
                        new ProducerRecord<>(
                                topic,
                                null,
                                now,
                                bytes(articles.id(n)),
                                articles.article(n, Instant.ofEpochMilli(now))))
                .get(30, TimeUnit.SECONDS);
    }

    /** Sum of the end offsets of a topic's partitions (records written, for a fresh topic). */
    long endOffset(String topic) throws InterruptedException, ExecutionException {
        List<TopicPartition> partitions = partitions(topic);
        return admin
                .listOffsets(
                        partitions.stream()
                                .collect(
                                        java.util.stream.Collectors.toMap(
                                                tp -> tp, tp -> OffsetSpec.latest())))
                .all()
                .get()
                .values()
                .stream()
                .mapToLong(r -> r.offset())
                .sum();
    }

    private List<TopicPartition> partitions(String topic)
            throws InterruptedException, ExecutionException {
        return admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(10));
    }
}
