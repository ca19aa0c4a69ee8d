package io.newspulse.common.model;

/**
 * Where a message was read from.
 *
 * @param topic Kafka topic
 * @param partition partition
 * @param offset offset in the partition
 * @param timestamp the record's Kafka timestamp (append or create time), epoch milliseconds
 */
public record KafkaOrigin(String topic, int partition, long offset, long timestamp) {}
