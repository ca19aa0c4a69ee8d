package io.newspulse.cli.feed;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts of a generated feed, for tests and the demo's expectations.
 *
 * @param records all records
 * @param valid records the parser accepts (copies and redeliveries included)
 * @param invalid records the parser rejects (they end in the dead-letter topic)
 * @param distinctIds distinct ids among valid records (redeliveries share their original's)
 * @param stories distinct stories told (syndicated copies share their original's)
 * @param syndicated syndicated copies
 * @param redeliveries exact redeliveries
 * @param burst distinct burst stories about {@code burstEntityId}
 * @param burstEntityId knowledge-base id of the burst entity
 * @param burstStart first instant of the burst period
 * @param burstEnd end of the burst period (exclusive)
 */
public record FeedSummary(
        int records,
        int valid,
        int invalid,
        int distinctIds,
        int stories,
        int syndicated,
        int redeliveries,
        int burst,
        String burstEntityId,
        Instant burstStart,
        Instant burstEnd) {

    static FeedSummary of(List<FeedRecord> feed, SampleFeed.Options options) {
        int valid = 0;
        int syndicated = 0;
        int redeliveries = 0;
        int burst = 0;
        Set<String> ids = new HashSet<>();
        Set<String> stories = new HashSet<>();
        for (FeedRecord r : feed) {
            if (!r.valid()) {
                continue;
            }
            valid++;
            ids.add(r.key());
            stories.add(r.storyId());
            switch (r.kind()) {
                case SYNDICATED -> syndicated++;
                case REDELIVERY -> redeliveries++;
                case BURST -> burst++;
                default -> {}
            }
        }
        return new FeedSummary(
                feed.size(),
                valid,
                feed.size() - valid,
                ids.size(),
                stories.size(),
                syndicated,
                redeliveries,
                burst,
                options.burst().entityId(),
                options.burstStart(),
                options.burstEnd());
    }
}
