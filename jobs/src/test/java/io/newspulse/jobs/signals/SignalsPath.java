package io.newspulse.jobs.signals;

import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.model.WindowAggregate;
import io.newspulse.jobs.kafka.JsonEncoder;
import io.newspulse.jobs.kafka.JsonRecord;
import io.newspulse.jobs.kafka.RawRecord;
import io.newspulse.jobs.testing.Harnesses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

/**
 * The signals job's per-record path outside the keyed detectors, operator by operator in test
 * harnesses: reading a {@code news.enriched} record, splitting it into mentions and moves, counting
 * the mentions of each key in its window and writing the window records as JSON. Any exception
 * escapes to the caller, as it would fail the job.
 */
public final class SignalsPath implements AutoCloseable {
    private static final long WINDOW = Duration.ofMinutes(1).toMillis();

    /** What one record became. */
    public record Result(
            List<EnrichedArticle> articles,
            List<MentionEvent> mentions,
            List<MoveEvent> moves,
            List<JsonRecord> aggregates,
            List<DeadLetter> deadLetters) {}

    private final OneInputStreamOperatorTestHarness<RawRecord, EnrichedArticle> parse;
    private final OneInputStreamOperatorTestHarness<EnrichedArticle, MentionEvent> extract;
    private final OneInputStreamOperatorTestHarness<WindowAggregate, JsonRecord> encode;

    public SignalsPath() throws Exception {
        parse = Harnesses.open(new ParseEnrichedFunction());
        extract = Harnesses.open(new MentionExtractor());
        encode =
                Harnesses.open(
                        new JsonEncoder<>(
                                "newspulse-aggregates", WindowAggregate::documentId, null, null));
    }

    /** Runs one record through; {@code timestamp} is its Kafka (and Flink) timestamp. */
    public Result run(RawRecord raw) throws Exception {
        parse.processElement(new StreamRecord<>(raw, raw.timestamp()));
        List<EnrichedArticle> articles = Harnesses.drain(parse);
        List<DeadLetter> dead = new ArrayList<>(Harnesses.drainDeadLetters(parse));
        List<MentionEvent> mentions = new ArrayList<>();
        List<MoveEvent> moves = new ArrayList<>();
        for (EnrichedArticle a : articles) {
            extract.processElement(new StreamRecord<>(a, raw.timestamp()));
            mentions.addAll(Harnesses.drain(extract));
            dead.addAll(Harnesses.drainDeadLetters(extract));
            var side = extract.getSideOutput(MentionExtractor.MOVES);
            if (side != null) {
                side.forEach(r -> moves.add(r.getValue()));
                side.clear();
            }
        }
        // One window per key, as the window operator would count them.
        CountMentions counter = new CountMentions();
        Map<String, MentionAccumulator> byKey = new TreeMap<>();
        for (MentionEvent m : mentions) {
            byKey.put(
                    m.key(),
                    counter.add(m, byKey.getOrDefault(m.key(), counter.createAccumulator())));
        }
        long start = TimeWindow.getWindowStartWithOffset(raw.timestamp(), 0, WINDOW);
        for (MentionAccumulator acc : byKey.values()) {
            WindowAggregate w =
                    EmitWindowAggregate.aggregate(
                            counter.getResult(acc), new TimeWindow(start, start + WINDOW), 1);
            encode.processElement(new StreamRecord<>(w, start + WINDOW - 1));
        }
        List<JsonRecord> aggregates = Harnesses.drain(encode);
        dead.addAll(Harnesses.drainDeadLetters(encode));
        return new Result(articles, mentions, moves, aggregates, dead);
    }

    @Override
    public void close() throws Exception {
        parse.close();
        extract.close();
        encode.close();
    }
}
