package io.newspulse.jobs.story;

import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.story.SimHash;
import io.newspulse.common.story.StorySettings;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Wires the story stages after enrichment: exact-id de-duplication, one near-duplicate stage per
 * SimHash band, then novelty per story. Between the band stages each article travels as a {@link
 * StoryCandidate} carrying its story's start; the wrapping and unwrapping maps chain into the
 * neighbouring operators. Uids and names come from {@link StoryOperators}.
 */
public final class StoryStages {
    private StoryStages() {}

    /** Applies the story stages to enriched articles. */
    public static StoryStreams apply(DataStream<EnrichedArticle> in, StorySettings settings) {
        settings.validate();
        SingleOutputStreamOperator<EnrichedArticle> unique =
                in.keyBy(ExactIdDedupFunction.idKey())
                        .process(new ExactIdDedupFunction(settings.ttl()))
                        .uid(StoryOperators.EXACT_ID)
                        .name(StoryOperators.EXACT_ID);
        DataStream<StoryCandidate> candidates =
                unique.map(StoryCandidate::of, TypeInformation.of(StoryCandidate.class))
                        .uid(StoryOperators.CANDIDATES)
                        .name(StoryOperators.CANDIDATES);
        for (int b = 0; b < SimHash.BANDS; b++) {
            candidates =
                    candidates
                            .keyBy(NearDuplicateStage.bandKey(b))
                            .process(new NearDuplicateStage(b, settings))
                            .uid(StoryOperators.nearDuplicateBand(b))
                            .name(StoryOperators.nearDuplicateBand(b));
        }
        DataStream<EnrichedArticle> stories =
                candidates
                        .map(StoryCandidate::article, TypeInformation.of(EnrichedArticle.class))
                        .uid(StoryOperators.ASSIGNED)
                        .name(StoryOperators.ASSIGNED);
        DataStream<EnrichedArticle> scored =
                stories.keyBy(StoryNoveltyFunction.storyKey())
                        .process(new StoryNoveltyFunction(settings.ttl()))
                        .uid(StoryOperators.NOVELTY)
                        .name(StoryOperators.NOVELTY);
        return new StoryStreams(scored, unique.getSideOutput(ExactIdDedupFunction.DUPLICATES));
    }
}
