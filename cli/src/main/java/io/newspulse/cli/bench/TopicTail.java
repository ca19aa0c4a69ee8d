package io.newspulse.cli.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its start on a thread of its own, read_committed (so exactly-once output is
 * seen when a consumer would see it), and hands each record to a handler with the wall-clock time
 * it was read.
 */
final class TopicTail implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    TopicTail(
            String bootstrapServers,
            String topic,
            int partitions,
            BiConsumer<ConsumerRecord<byte[], byte[]>, Long> handler) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(p);
        List<TopicPartition> tps =
                java.util.stream.IntStream.range(0, partitions)
                        .mapToObj(i -> new TopicPartition(topic, i))
                        .toList();
        consumer.assign(tps);
        consumer.seekToBeginning(tps);
        thread =
                new Thread(
                        () -> {
                            try {
                                while (running) {
                                    for (ConsumerRecord<byte[], byte[]> r :
                                            consumer.poll(Duration.ofMillis(50))) {
                                        handler.accept(r, System.currentTimeMillis());
                                    }
                                }
                            } catch (WakeupException | InterruptException e) {
                                // closing
                            } finally {
                                consumer.close(Duration.ofSeconds(5));
                            }
                        },
                        "bench-tail-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
