package io.newspulse.common.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A {@code news.dlq} record: input that could not be processed, with why.
 *
 * @param schemaVersion contract version, {@value #SCHEMA_VERSION}
 * @param topic topic the input was read from (or the index a document was bound for)
 * @param partition partition, or -1
 * @param offset offset, or -1
 * @param timestamp Kafka timestamp of the input, epoch ms, or -1
 * @param key the original key, base64, or null
 * @param value the original value bytes, base64; only the first {@code MAX_ORIGINAL_BYTES} of a
 *     larger value (see {@code valueTruncated})
 * @param valueText the (kept) value as UTF-8 text when it decodes, else null
 * @param valueSize size of the original value in bytes, before any truncation (0 for none)
 * @param valueTruncated whether {@code value} holds only the start of the original value
 * @param stage where it failed: {@code parse}, {@code enrich}, {@code parse_enriched}, {@code
 *     serialize}, {@code elasticsearch}
 * @param error short error code
 * @param reason a sentence for people
 * @param failedAt when it failed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeadLetter(
        int schemaVersion,
        String topic,
        int partition,
        long offset,
        long timestamp,
        String key,
        String value,
        String valueText,
        long valueSize,
        boolean valueTruncated,
        String stage,
        String error,
        String reason,
        Instant failedAt) {

    /** Version of the {@code news.dlq} contract written by this code. */
    public static final int SCHEMA_VERSION = 1;
}
