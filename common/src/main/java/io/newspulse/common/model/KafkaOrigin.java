package io.newspulse.common.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Where a message was read from.
 *
 * @param topic Kafka topic
 * @param partition partition
 * @param offset offset in the partition
 * @param timestamp the record's Kafka timestamp (append or create time), epoch milliseconds
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KafkaOrigin(String topic, int partition, long offset, long timestamp) {}
