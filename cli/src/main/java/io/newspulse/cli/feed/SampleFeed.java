package io.newspulse.cli.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.cli.feed.FeedRecord.Kind;
import io.newspulse.common.model.NewsArticleParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic, multilingual {@code news.raw} feed for demos and tests: the same seed gives the
 * same records.
 *
 * <p>{@link #generate(Options)} returns a timeline of {@code baselineMinutes} quiet minutes ({@code
 * articlesPerMinute} stories a minute in simplified and traditional Chinese, Arabic and English,
 * among them one or two a minute about the burst entity with small moves), followed by a burst of
 * {@code burstMinutes} minutes with {@code burstPerMinute} distinct stories a minute about the
 * burst entity reporting a large move. Mixed in:
 *
 * <ul>
 *   <li>syndicated copies: the same story from another source, lightly edited, or the
 *       traditional-script twin of a simplified story (about one story in five);
 *   <li>exact redeliveries of a message (same id and bytes), a little later;
 *   <li>with {@code includeInvalid}, per ten baseline minutes one line that is not JSON, one object
 *       without an id and one with an unreadable {@code published_at} (dead-letter path).
 * </ul>
 *
 * <p>{@code published_at} follows the timeline from {@code start}; each record's {@link
 * FeedRecord#sendOffset()} is its arrival in the feed divided by {@code timeScale}, so a demo can
 * publish the whole feed in seconds while the articles keep their minute spacing (start it at
 * {@code now - baselineMinutes} so the baseline windows close at once).
 *
 * <p>{@link #live(long, Clock)} is an endless variant for {@code newspulse replay --synthetic}: the
 * same mix in cycles of a baseline and a burst (alternating {@link BurstScenario}s), each record
 * stamped with the clock's time when it is taken.
 */
public final class SampleFeed {

    /**
     * What to generate.
     *
     * @param seed fixes every choice and figure
     * @param start {@code published_at} of the first baseline minute
     * @param baselineMinutes quiet minutes before the burst (at least 1)
     * @param articlesPerMinute stories a baseline minute, copies and invalid records not counted
     * @param burstMinutes minutes of the burst (0 for none)
     * @param burstPerMinute distinct burst stories a minute
     * @param includeInvalid whether to add records the parser rejects
     * @param timeScale feed time divided by this gives {@link FeedRecord#sendOffset()} (60: a feed
     *     minute is published in a second)
     * @param burst the company the burst is about
     */
    public record Options(
            long seed,
            Instant start,
            int baselineMinutes,
            int articlesPerMinute,
            int burstMinutes,
            int burstPerMinute,
            boolean includeInvalid,
            double timeScale,
            BurstScenario burst) {

        public Options {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(burst, "burst");
            check(baselineMinutes >= 1, "baselineMinutes must be at least 1: " + baselineMinutes);
            check(
                    articlesPerMinute >= 1 && articlesPerMinute <= 600,
                    "articlesPerMinute must be in 1..600: " + articlesPerMinute);
            check(burstMinutes >= 0, "burstMinutes must not be negative: " + burstMinutes);
            check(
                    burstPerMinute >= 1 && burstPerMinute <= 600,
                    "burstPerMinute must be in 1..600: " + burstPerMinute);
            check(
                    timeScale > 0 && Double.isFinite(timeScale),
                    "timeScale must be positive: " + timeScale);
        }

        /**
         * 20 baseline minutes of 6 stories, a 2-minute burst of 15 stories a minute about
         * Cambricon, invalid records included, published in real time (time scale 1).
         */
        public static Options defaults(long seed, Instant start) {
            return new Options(seed, start, 20, 6, 2, 15, true, 1.0, BurstScenario.CAMBRICON_SURGE);
        }

        public Options withBaselineMinutes(int minutes) {
            return new Options(
                    seed,
                    start,
                    minutes,
                    articlesPerMinute,
                    burstMinutes,
                    burstPerMinute,
                    includeInvalid,
                    timeScale,
                    burst);
        }

        public Options withArticlesPerMinute(int perMinute) {
            return new Options(
                    seed,
                    start,
                    baselineMinutes,
                    perMinute,
                    burstMinutes,
                    burstPerMinute,
                    includeInvalid,
                    timeScale,
                    burst);
        }

        public Options withBurstMinutes(int minutes) {
            return new Options(
                    seed,
                    start,
                    baselineMinutes,
                    articlesPerMinute,
                    minutes,
                    burstPerMinute,
                    includeInvalid,
                    timeScale,
                    burst);
        }

        public Options withBurstPerMinute(int perMinute) {
            return new Options(
                    seed,
                    start,
                    baselineMinutes,
                    articlesPerMinute,
                    burstMinutes,
                    perMinute,
                    includeInvalid,
                    timeScale,
                    burst);
        }

        public Options withIncludeInvalid(boolean include) {
            return new Options(
                    seed,
                    start,
                    baselineMinutes,
                    articlesPerMinute,
                    burstMinutes,
                    burstPerMinute,
                    include,
                    timeScale,
                    burst);
        }

        public Options withTimeScale(double scale) {
            return new Options(
                    seed,
                    start,
                    baselineMinutes,
                    articlesPerMinute,
                    burstMinutes,
                    burstPerMinute,
                    includeInvalid,
                    scale,
                    burst);
        }

        public Options withBurst(BurstScenario scenario) {
            return new Options(
                    seed,
                    start,
                    baselineMinutes,
                    articlesPerMinute,
                    burstMinutes,
                    burstPerMinute,
                    includeInvalid,
                    timeScale,
                    scenario);
        }

        /** First instant of the burst: {@code start + baselineMinutes}. */
        public Instant burstStart() {
            return start.plus(Duration.ofMinutes(baselineMinutes));
        }

        /** End of the burst (exclusive). */
        public Instant burstEnd() {
            return burstStart().plus(Duration.ofMinutes(burstMinutes));
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter BAD_TIME =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter URL_DATE =
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Share of baseline stories that get a syndicated copy (twin stories always get one). */
    private static final double SYNDICATION_RATE = 0.12;

    /** Share of baseline messages that are delivered twice. */
    private static final double REDELIVERY_RATE = 0.06;

    private SampleFeed() {}

    /** The feed, ordered by {@link FeedRecord#sendOffset()}. */
    public static List<FeedRecord> generate(Options options) {
        List<Planned> plan = plan(options, 0);
        List<FeedRecord> out = new ArrayList<>(plan.size());
        Emitter emitter = new Emitter(new Ids(options.seed(), 0));
        for (Planned p : plan) {
            Instant published = options.start().plusSeconds(p.publishedSecond);
            Duration send =
                    Duration.ofMillis(Math.round(p.sendSecond * 1000.0 / options.timeScale()));
            out.add(emitter.emit(p, published, send));
        }
        return List.copyOf(out);
    }

    /** Counts of {@link #generate(Options)}'s feed for these options. */
    public static FeedSummary summary(Options options) {
        return FeedSummary.of(generate(options), options);
    }

    /** Counts of a generated feed. */
    public static FeedSummary summarize(List<FeedRecord> feed, Options options) {
        return FeedSummary.of(feed, options);
    }

    /**
     * An endless feed: cycles of 10 baseline minutes (6 stories a minute) and a 2-minute burst (15
     * a minute), the burst scenario alternating; every record's {@code published_at} is the clock's
     * time when the iterator hands it out, its send offset zero (the caller paces).
     */
    public static Iterator<FeedRecord> live(long seed, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return new LiveIterator(seed, clock);
    }

    /** {@link #live(long, Clock)} as a sequential, endless stream. */
    public static Stream<FeedRecord> liveStream(long seed, Clock clock) {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                        live(seed, clock), Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /** Writes the values as JSON lines (UTF-8), the input of {@code newspulse replay FILE}. */
    public static void writeJsonLines(List<FeedRecord> feed, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (FeedRecord r : feed) {
                w.write(r.value());
                w.write('\n');
            }
        }
    }

    // ------------------------------------------------------------------ planning

    /** One record before it gets its id, times and JSON. */
    private static final class Planned {
        final Kind kind;
        final String storyId;
        final Draft draft;
        final long publishedSecond;
        final long sendSecond;
        final Planned original;
        FeedRecord emitted;

        Planned(
                Kind kind,
                String storyId,
                Draft draft,
                long publishedSecond,
                long sendSecond,
                Planned original) {
            this.kind = kind;
            this.storyId = storyId;
            this.draft = draft;
            this.publishedSecond = publishedSecond;
            this.sendSecond = sendSecond;
            this.original = original;
        }
    }

    private static List<Planned> plan(Options o, int cycle) {
        Dice dice = new Dice(o.seed() * 31 + cycle);
        ArticleCatalog catalog = ArticleCatalog.get();
        BaselineArticles baseline = new BaselineArticles(dice, catalog, o.burst());
        BurstArticles burst = new BurstArticles(dice, catalog, o.burst());
        Syndication syndication = new Syndication(dice);
        String storyPrefix = "story-" + cycle + "-";
        List<Planned> plan = new ArrayList<>();
        int stories = 0;
        int apm = o.articlesPerMinute();
        long slot = Math.max(1, 60 / apm);
        for (int minute = 0; minute < o.baselineMinutes(); minute++) {
            // About one story a minute about the burst entity, so it has a baseline to spike from.
            int background = Math.min(apm, dice.chance(0.2) ? 0 : dice.chance(0.6) ? 1 : 2);
            for (int k = 0; k < apm; k++) {
                long second = minute * 60L + k * 60L / apm + dice.between(0, (int) slot - 1);
                Draft draft = k < background ? burst.background() : baseline.next();
                Planned original =
                        new Planned(
                                Kind.ORIGINAL,
                                storyPrefix + stories++,
                                draft,
                                second,
                                second,
                                null);
                plan.add(original);
                if (draft.hasTwin() || dice.chance(SYNDICATION_RATE)) {
                    long later = second + dice.between(40, 150);
                    plan.add(
                            new Planned(
                                    Kind.SYNDICATED,
                                    original.storyId,
                                    syndication.copyOf(draft),
                                    later,
                                    later,
                                    null));
                }
                if (dice.chance(REDELIVERY_RATE)) {
                    plan.add(
                            new Planned(
                                    Kind.REDELIVERY,
                                    original.storyId,
                                    draft,
                                    second,
                                    second + dice.between(20, 90),
                                    original));
                }
            }
        }
        long burstStart = o.baselineMinutes() * 60L;
        int bpm = o.burstPerMinute();
        long burstSlot = Math.max(1, 60 / bpm);
        int n = 0;
        for (int minute = 0; minute < o.burstMinutes(); minute++) {
            for (int k = 0; k < bpm; k++) {
                long second =
                        burstStart
                                + minute * 60L
                                + k * 60L / bpm
                                + dice.between(0, (int) burstSlot - 1);
                plan.add(
                        new Planned(
                                Kind.BURST,
                                storyPrefix + stories++,
                                burst.burst(n++),
                                second,
                                second,
                                null));
            }
        }
        if (o.includeInvalid()) {
            int rounds = Math.max(1, o.baselineMinutes() / 10);
            long last = o.baselineMinutes() * 60L - 1;
            for (int r = 0; r < rounds; r++) {
                for (Kind kind : List.of(Kind.NOT_JSON, Kind.MISSING_ID, Kind.BAD_PUBLISHED_AT)) {
                    long minute = r * 10L + 2 + 3L * (kind.ordinal() - Kind.NOT_JSON.ordinal());
                    long second = Math.min(last, minute * 60 + dice.between(0, 59));
                    plan.add(new Planned(kind, null, baseline.next(), second, second, null));
                }
            }
        }
        plan.sort(Comparator.comparingLong((Planned p) -> p.sendSecond));
        return plan;
    }

    // ------------------------------------------------------------------ emission

    /** Article ids: unique per seed and cycle, stable for a seed. */
    private static final class Ids {
        private final String prefix;
        private int next;

        Ids(long seed, int cycle) {
            this.prefix =
                    Long.toString(seed & 0xFFFFFFFFL, 36) + (cycle == 0 ? "" : "c" + cycle) + "-";
        }

        String next(FeedSource source) {
            return source.name() + "-" + prefix + String.format(Locale.ROOT, "%06d", next++);
        }
    }

    /** Turns planned records into JSON messages. */
    private static final class Emitter {
        private final Ids ids;

        Emitter(Ids ids) {
            this.ids = ids;
        }

        FeedRecord emit(Planned p, Instant published, Duration send) {
            Instant at = published.truncatedTo(ChronoUnit.SECONDS);
            FeedRecord record =
                    switch (p.kind) {
                        case REDELIVERY -> redelivery(p, send);
                        case NOT_JSON -> notJson(p, at, send);
                        case MISSING_ID -> missingId(p, at, send);
                        case BAD_PUBLISHED_AT -> badPublishedAt(p, at, send);
                        default -> {
                            String id = ids.next(p.draft.source());
                            yield new FeedRecord(
                                    id,
                                    json(id, p.draft, at, timestamp(at, p.draft.source()))
                                            .toString(),
                                    at,
                                    true,
                                    p.kind,
                                    p.storyId,
                                    send);
                        }
                    };
            p.emitted = record;
            return record;
        }

        private static FeedRecord redelivery(Planned p, Duration send) {
            FeedRecord first = p.original.emitted;
            return new FeedRecord(
                    first.key(),
                    first.value(),
                    first.timestamp(),
                    true,
                    Kind.REDELIVERY,
                    first.storyId(),
                    send);
        }

        private FeedRecord notJson(Planned p, Instant at, Duration send) {
            String id = ids.next(p.draft.source());
            String full = json(id, p.draft, at, timestamp(at, p.draft.source())).toString();
            // Cut inside the title: what a proxy truncating the message leaves.
            String cut = full.substring(0, full.indexOf("\"title\"") + 12);
            return invalid(null, cut, at, Kind.NOT_JSON, send);
        }

        private FeedRecord missingId(Planned p, Instant at, Duration send) {
            ObjectNode n = json("", p.draft, at, timestamp(at, p.draft.source()));
            n.remove("id");
            return invalid(null, n.toString(), at, Kind.MISSING_ID, send);
        }

        private FeedRecord badPublishedAt(Planned p, Instant at, Duration send) {
            String id = ids.next(p.draft.source());
            ObjectNode n = json(id, p.draft, at, BAD_TIME.format(at));
            return invalid(id, n.toString(), at, Kind.BAD_PUBLISHED_AT, send);
        }

        private static FeedRecord invalid(
                String key, String value, Instant at, Kind kind, Duration send) {
            if (NewsArticleParser.parse(value.getBytes(StandardCharsets.UTF_8)).isOk()) {
                throw new IllegalStateException("invalid sample record parses: " + value);
            }
            return new FeedRecord(key, value, at, false, kind, null, send);
        }

        private static String timestamp(Instant at, FeedSource source) {
            return OffsetDateTime.ofInstant(at, source.offset())
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }

        private static ObjectNode json(String id, Draft d, Instant at, String publishedAt) {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("id", id);
            n.put("source", d.source().name());
            n.put("url", "https://" + d.source().host() + "/" + URL_DATE.format(at) + "/" + id);
            n.put("published_at", publishedAt);
            if (d.source().language() != null) {
                n.put("language", d.source().language());
            }
            n.put("title", d.title());
            n.put("body", d.body());
            ArrayNode tags = n.putArray("provider_tags");
            d.tags().forEach(tags::add);
            n.put("schema_version", NewsArticleParser.SCHEMA_VERSION);
            return n;
        }
    }

    /** Plans one cycle at a time and stamps each record with the clock when it is taken. */
    private static final class LiveIterator implements Iterator<FeedRecord> {
        private static final BurstScenario[] SCENARIOS = BurstScenario.values();

        private final long seed;
        private final Clock clock;
        private int cycle;
        private Iterator<Planned> current = List.<Planned>of().iterator();
        private Emitter emitter;

        LiveIterator(long seed, Clock clock) {
            this.seed = seed;
            this.clock = clock;
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public FeedRecord next() {
            if (!current.hasNext()) {
                Options cycleOptions =
                        new Options(
                                seed,
                                clock.instant(),
                                10,
                                6,
                                2,
                                15,
                                true,
                                1.0,
                                SCENARIOS[cycle % SCENARIOS.length]);
                current = plan(cycleOptions, cycle).iterator();
                emitter = new Emitter(new Ids(seed, cycle));
                cycle++;
                if (!current.hasNext()) {
                    throw new NoSuchElementException("empty cycle");
                }
            }
            return emitter.emit(current.next(), clock.instant(), Duration.ZERO);
        }
    }
}
