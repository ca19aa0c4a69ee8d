package io.newspulse.common.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Mentions of one entity or sector in one event-time window: the {@code aggregates} index.
 *
 * @param schemaVersion contract version, {@value #SCHEMA_VERSION}
 * @param key entity or sector id
 * @param keyKind {@code entity} or {@code sector}
 * @param entityType entity type ({@code company}, {@code index}, {@code sector} ...)
 * @param name English name
 * @param windowStart window start (inclusive)
 * @param windowEnd window end (exclusive)
 * @param stories distinct stories (near-duplicates collapsed)
 * @param articles articles, copies included
 * @param sources distinct publishers
 * @param languages articles per language tag
 * @param avgTone average tone over the stories' first copies, -1 to +1
 * @param moves market moves of this key reported in the window
 * @param maxMovePercent largest absolute price move in percent, or null
 * @param topStories up to five stories by relevance
 * @param updates how many times the window fired (1 on time; more after late data)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WindowAggregate(
        int schemaVersion,
        String key,
        String keyKind,
        String entityType,
        String name,
        Instant windowStart,
        Instant windowEnd,
        long stories,
        long articles,
        int sources,
        Map<String, Long> languages,
        double avgTone,
        long moves,
        Double maxMovePercent,
        List<StoryRef> topStories,
        int updates) {

    /** Version of the aggregates contract written by this code. */
    public static final int SCHEMA_VERSION = 1;

    /** Deterministic document id: a late update of the same window rewrites the same document. */
    public String documentId() {
        return keyKind + ":" + key + ":" + windowStart.toEpochMilli();
    }
}
