package io.newspulse.cli.replay;

import io.newspulse.cli.feed.FeedRecord;
import io.newspulse.cli.feed.SampleFeed;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;

/** Messages to replay: the lines of a file or of standard input, or the synthetic feed. */
public interface ReplaySource extends Iterator<ReplaySource.Message>, AutoCloseable {

    /** One message: key (or null) and value. */
    record Message(String key, byte[] value) {}

    /** Number of messages, or null when unknown or endless. */
    Long size();

    @Override
    void close();

    /**
     * The non-blank lines of {@code file} ({@code -} for standard input), keyed by their JSON
     * {@code id}.
     *
     * @throws ReplayException when the file is missing, a directory, unreadable or not UTF-8
     */
    static ReplaySource lines(Path file) {
        return JsonLinesSource.open(file);
    }

    /** {@link SampleFeed#live}, endless, stamped with {@code clock}. */
    static ReplaySource synthetic(long seed, Clock clock) {
        Iterator<FeedRecord> feed = SampleFeed.live(seed, clock);
        return new ReplaySource() {
            @Override
            public Long size() {
                return null;
            }

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Message next() {
                FeedRecord r = feed.next();
                return new Message(r.key(), r.valueBytes());
            }

            @Override
            public void close() {}
        };
    }
}
