package io.newspulse.common.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A {@code news.enriched} record: the article, its tagging result and its place in a story.
 *
 * @param schemaVersion contract version, {@value #SCHEMA_VERSION}
 * @param id article id
 * @param storyId id of the first article of the story this article belongs to
 * @param duplicate true for every copy after the first of a story
 * @param duplicateKind null for a first copy, {@code content} for an identical text, {@code near}
 *     for a syndicated or lightly edited copy
 * @param novelty 1.0 for the first copy of a story, halving with each later copy
 * @param source publisher
 * @param url link, or null
 * @param publishedAt publication time as given, or null
 * @param eventTime the time the article counts at in windows
 * @param eventTimeSource {@code published_at}, {@code kafka_timestamp} (no publication time, or one
 *     before the configured floor) or {@code ingest_time} (publication time too far in the future,
 *     or no usable Kafka timestamp either)
 * @param ingestTime when newspulse read the article
 * @param origin the Kafka record it came from
 * @param title headline
 * @param body text
 * @param language detected or declared language tag
 * @param entities tagged entities by descending relevance
 * @param sectors sectors by descending count
 * @param moves reported market moves
 * @param simhash 64-bit SimHash of the folded text (near-duplicate detection)
 * @param contentHash SHA-256 of the folded text (exact duplicates)
 * @param analysisTruncated true when the analysis ran out of its per-article budget: entities,
 *     sectors and moves are those found until then
 * @param unresolvedMoves reported market moves whose subject is a name the knowledge base does not
 *     know; empty (never null) when the record was written before the field existed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EnrichedArticle(
        int schemaVersion,
        String id,
        String storyId,
        boolean duplicate,
        String duplicateKind,
        double novelty,
        String source,
        String url,
        Instant publishedAt,
        Instant eventTime,
        String eventTimeSource,
        Instant ingestTime,
        KafkaOrigin origin,
        String title,
        String body,
        String language,
        List<ArticleEntity> entities,
        List<ArticleSector> sectors,
        List<ArticleMove> moves,
        long simhash,
        String contentHash,
        boolean analysisTruncated,
        List<UnresolvedMove> unresolvedMoves) {

    /** Version of the {@code news.enriched} contract written by this code. */
    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        // Records written before the field was added do not carry it.
        unresolvedMoves = unresolvedMoves == null ? List.of() : unresolvedMoves;
    }

    /** A record without unresolved moves. */
    public EnrichedArticle(
            int schemaVersion,
            String id,
            String storyId,
            boolean duplicate,
            String duplicateKind,
            double novelty,
            String source,
            String url,
            Instant publishedAt,
            Instant eventTime,
            String eventTimeSource,
            Instant ingestTime,
            KafkaOrigin origin,
            String title,
            String body,
            String language,
            List<ArticleEntity> entities,
            List<ArticleSector> sectors,
            List<ArticleMove> moves,
            long simhash,
            String contentHash,
            boolean analysisTruncated) {
        this(
                schemaVersion,
                id,
                storyId,
                duplicate,
                duplicateKind,
                novelty,
                source,
                url,
                publishedAt,
                eventTime,
                eventTimeSource,
                ingestTime,
                origin,
                title,
                body,
                language,
                entities,
                sectors,
                moves,
                simhash,
                contentHash,
                analysisTruncated,
                List.of());
    }

    /** A record whose analysis ran within its budget ({@code analysisTruncated} false). */
    public EnrichedArticle(
            int schemaVersion,
            String id,
            String storyId,
            boolean duplicate,
            String duplicateKind,
            double novelty,
            String source,
            String url,
            Instant publishedAt,
            Instant eventTime,
            String eventTimeSource,
            Instant ingestTime,
            KafkaOrigin origin,
            String title,
            String body,
            String language,
            List<ArticleEntity> entities,
            List<ArticleSector> sectors,
            List<ArticleMove> moves,
            long simhash,
            String contentHash) {
        this(
                schemaVersion,
                id,
                storyId,
                duplicate,
                duplicateKind,
                novelty,
                source,
                url,
                publishedAt,
                eventTime,
                eventTimeSource,
                ingestTime,
                origin,
                title,
                body,
                language,
                entities,
                sectors,
                moves,
                simhash,
                contentHash,
                false,
                List.of());
    }

    /** A copy with its story fields replaced. */
    public EnrichedArticle withStory(
            String storyId, boolean duplicate, String duplicateKind, double novelty) {
        return new EnrichedArticle(
                schemaVersion,
                id,
                storyId,
                duplicate,
                duplicateKind,
                novelty,
                source,
                url,
                publishedAt,
                eventTime,
                eventTimeSource,
                ingestTime,
                origin,
                title,
                body,
                language,
                entities,
                sectors,
                moves,
                simhash,
                contentHash,
                analysisTruncated,
                unresolvedMoves);
    }

    /** Event time in epoch milliseconds. */
    public long eventTimeMillis() {
        return eventTime.toEpochMilli();
    }
}
