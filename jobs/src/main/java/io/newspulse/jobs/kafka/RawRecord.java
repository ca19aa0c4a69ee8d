package io.newspulse.jobs.kafka;

import java.io.Serializable;

/**
 * A Kafka record as read, before any parsing, so that bad input can be sent to the dead-letter
 * topic byte for byte with its coordinates.
 *
 * @param topic topic
 * @param partition partition
 * @param offset offset
 * @param timestamp record timestamp, epoch ms
 * @param key key bytes, or null
 * @param value value bytes, or null
 */
public record RawRecord(
        String topic, int partition, long offset, long timestamp, byte[] key, byte[] value)
        implements Serializable {}
