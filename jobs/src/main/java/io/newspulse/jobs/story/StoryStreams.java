package io.newspulse.jobs.story;

import io.newspulse.common.model.EnrichedArticle;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What {@link StoryStages#apply} returns.
 *
 * @param articles every article once, with story id, duplicate flag and kind, and novelty set
 * @param idDuplicates records dropped because their article id was already seen
 */
public record StoryStreams(
        DataStream<EnrichedArticle> articles, DataStream<EnrichedArticle> idDuplicates) {}
