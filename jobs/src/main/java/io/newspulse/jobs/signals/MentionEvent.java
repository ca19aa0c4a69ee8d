package io.newspulse.jobs.signals;

import java.io.Serializable;

/**
 * One article's mention of one entity or sector, the unit the window counts are made of.
 *
 * @param key {@code entity:<id>} or {@code sector:<id>}; the key of the windows and detectors
 * @param keyKind {@code entity} or {@code sector}
 * @param id entity or sector id
 * @param entityType entity type
 * @param name English name
 * @param articleId article id
 * @param storyId story id (near-duplicates share it)
 * @param duplicate whether the article is a later copy of its story
 * @param source publisher
 * @param language language tag
 * @param tone tone of the mention, -1 to +1
 * @param relevance 0 to 100
 * @param title headline
 * @param url link, or null
 * @param moves moves of this key reported in the article
 * @param maxMovePercent largest absolute price move of this key in the article, or null
 * @param eventTime event time, epoch ms
 * @param appendTime Kafka append time of the raw article, epoch ms
 */
public record MentionEvent(
        String key,
        String keyKind,
        String id,
        String entityType,
        String name,
        String articleId,
        String storyId,
        boolean duplicate,
        String source,
        String language,
        double tone,
        int relevance,
        String title,
        String url,
        int moves,
        Double maxMovePercent,
        long eventTime,
        long appendTime)
        implements Serializable {}
