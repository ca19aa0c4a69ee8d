package io.newspulse.cli.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspulse.cli.feed.FeedRecord.Kind;
import io.newspulse.common.analysis.DocumentAnalysis;
import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.model.NewsArticle;
import io.newspulse.common.model.NewsArticleParser;
import io.newspulse.common.model.ParseResult;
import io.newspulse.common.moves.MarketMove;
import io.newspulse.common.story.SimHash;
import io.newspulse.common.text.Language;
import io.newspulse.common.text.LanguageDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFeedTest {

    private static final Instant START = Instant.parse("2025-03-03T01:30:00Z");
    private static final SampleFeed.Options OPTIONS = SampleFeed.Options.defaults(42, START);

    private static DocumentAnalyzer analyzer;
    private static List<FeedRecord> feed;

    @BeforeAll
    static void generate() {
        analyzer = DocumentAnalyzer.create(KnowledgeBase.loadOrEmbedded(Optional.empty()));
        feed = SampleFeed.generate(OPTIONS);
    }

    @Test
    void sameSeedGivesTheSameFeed() {
        assertThat(SampleFeed.generate(OPTIONS)).isEqualTo(feed);
        assertThat(SampleFeed.generate(SampleFeed.Options.defaults(43, START)))
                .extracting(FeedRecord::value)
                .isNotEqualTo(feed.stream().map(FeedRecord::value).toList());
    }

    @Test
    void validRecordsParseAndInvalidOnesDoNot() {
        for (FeedRecord r : feed) {
            ParseResult<NewsArticle> parsed = NewsArticleParser.parse(r.valueBytes());
            assertThat(parsed.isOk()).as(r.value()).isEqualTo(r.valid());
            assertThat(r.kind().invalid()).isEqualTo(!r.valid());
            assertThat(r.value()).doesNotContain("\n");
            if (r.valid()) {
                assertThat(parsed.value().id()).isEqualTo(r.key());
                assertThat(parsed.value().publishedAt()).isEqualTo(r.timestamp());
            }
        }
        Map<Kind, Long> invalid =
                feed.stream()
                        .filter(r -> !r.valid())
                        .collect(Collectors.groupingBy(FeedRecord::kind, Collectors.counting()));
        // 20 baseline minutes: two of each.
        assertThat(invalid)
                .containsEntry(Kind.NOT_JSON, 2L)
                .containsEntry(Kind.MISSING_ID, 2L)
                .containsEntry(Kind.BAD_PUBLISHED_AT, 2L);
        assertThat(SampleFeed.generate(OPTIONS.withIncludeInvalid(false)))
                .allMatch(FeedRecord::valid);
    }

    @Test
    void summaryCountsTheFeed() {
        FeedSummary s = SampleFeed.summary(OPTIONS);
        assertThat(s.records()).isEqualTo(feed.size());
        assertThat(s.invalid()).isEqualTo(6);
        assertThat(s.valid()).isEqualTo(feed.size() - 6);
        assertThat(s.burst()).isEqualTo(30);
        assertThat(s.stories()).isEqualTo(20 * 6 + 30);
        assertThat(s.distinctIds()).isEqualTo(s.valid() - s.redeliveries());
        assertThat(s.syndicated()).isGreaterThanOrEqualTo(10);
        assertThat(s.redeliveries()).isGreaterThanOrEqualTo(2);
        assertThat(s.burstEntityId()).isEqualTo("cambricon");
        assertThat(s.burstStart()).isEqualTo(START.plus(Duration.ofMinutes(20)));
        assertThat(s.burstEnd()).isEqualTo(START.plus(Duration.ofMinutes(22)));
    }

    @Test
    void timelineFollowsTheOptions() {
        Instant lastPublished = START.plus(Duration.ofMinutes(25));
        assertThat(feed)
                .allSatisfy(
                        r ->
                                assertThat(r.timestamp())
                                        .isBetween(START, lastPublished)
                                        .isEqualTo(r.timestamp().truncatedTo(ChronoUnit.SECONDS)));
        for (int i = 1; i < feed.size(); i++) {
            assertThat(feed.get(i).sendOffset())
                    .isGreaterThanOrEqualTo(feed.get(i - 1).sendOffset());
        }
        // Every baseline minute has its stories.
        Map<Long, Long> perMinute =
                feed.stream()
                        .filter(r -> r.kind() == Kind.ORIGINAL)
                        .collect(
                                Collectors.groupingBy(
                                        r -> Duration.between(START, r.timestamp()).toMinutes(),
                                        TreeMap::new,
                                        Collectors.counting()));
        assertThat(perMinute).hasSize(20).allSatisfy((m, n) -> assertThat(n).isEqualTo(6L));

        List<FeedRecord> fast = SampleFeed.generate(OPTIONS.withTimeScale(600));
        assertThat(fast).extracting(FeedRecord::value).isEqualTo(values(feed));
        assertThat(fast.get(fast.size() - 1).sendOffset()).isLessThan(Duration.ofSeconds(3));
        assertThat(feed.get(feed.size() - 1).sendOffset()).isGreaterThan(Duration.ofMinutes(21));
    }

    @Test
    void coversFourLanguages() {
        LanguageDetector detector = new LanguageDetector();
        Map<Language, Long> languages = new HashMap<>();
        for (FeedRecord r : feed) {
            if (r.valid()) {
                NewsArticle a = NewsArticleParser.parse(r.valueBytes()).value();
                languages.merge(
                        detector.detect(a.title() + "\n\n" + a.body(), a.language()),
                        1L,
                        Long::sum);
                // Detection from the text alone agrees with the declared language.
                assertThat(detector.detect(a.title() + "\n\n" + a.body()))
                        .isEqualTo(detector.detect(a.title() + "\n\n" + a.body(), a.language()));
            }
        }
        assertThat(languages.keySet())
                .containsExactlyInAnyOrder(
                        Language.ZH_HANS, Language.ZH_HANT, Language.AR, Language.EN);
        assertThat(languages.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(8));
    }

    @Test
    void burstHasManyDistinctStoriesWithALargeMove() {
        SampleFeed.Options o = OPTIONS;
        String entity = o.burst().entityId();
        Map<Long, Integer> storiesPerMinute = new TreeMap<>();
        List<Long> burstHashes = new ArrayList<>();
        for (FeedRecord r : feed) {
            if (!r.valid() || r.kind() == Kind.REDELIVERY) {
                continue;
            }
            NewsArticle a = NewsArticleParser.parse(r.valueBytes()).value();
            DocumentAnalysis analysis = analyzer.analyze(a.title(), a.body(), a.language());
            boolean mentions = analysis.entities().stream().anyMatch(e -> e.id().equals(entity));
            boolean inBurst = !r.timestamp().isBefore(o.burstStart());
            if (r.kind() == Kind.BURST) {
                assertThat(mentions).as(r.value()).isTrue();
                assertThat(analysis.moves())
                        .as(r.value())
                        .filteredOn(m -> m.percent() != null)
                        .anySatisfy(
                                m -> {
                                    assertThat(m.entityId()).isEqualTo(entity);
                                    assertThat(m.kind()).isEqualTo(MarketMove.Kind.PRICE);
                                    assertThat(m.direction()).isEqualTo(MarketMove.Direction.UP);
                                    assertThat(m.percent()).isGreaterThanOrEqualTo(5.0);
                                });
                burstHashes.add(SimHash.of(analysis.text().text()));
            } else if (mentions && !inBurst) {
                // Quiet baseline: no move of the burst entity reaches the alert threshold.
                assertThat(analysis.moves())
                        .filteredOn(m -> m.entityId().equals(entity) && m.percent() != null)
                        .allSatisfy(m -> assertThat(m.percent()).isLessThan(5.0));
            }
            if (mentions && r.kind() != Kind.SYNDICATED) {
                storiesPerMinute.merge(
                        Duration.between(START, r.timestamp()).toMinutes(), 1, Integer::sum);
            }
        }
        // A baseline to spike from: most baseline minutes mention it once or twice.
        Map<Long, Integer> baseline = new TreeMap<>(storiesPerMinute);
        baseline.keySet().removeIf(m -> m >= 20);
        assertThat(baseline).hasSizeGreaterThanOrEqualTo(12);
        assertThat(baseline.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4));
        // The burst: 15 distinct stories in each of its two minutes.
        assertThat(storiesPerMinute.get(20L)).isGreaterThanOrEqualTo(15);
        assertThat(storiesPerMinute.get(21L)).isGreaterThanOrEqualTo(15);
        // ... that near-duplicate detection keeps apart.
        assertThat(clusters(burstHashes)).isGreaterThanOrEqualTo(burstHashes.size() * 9 / 10);
    }

    @Test
    void oracleScenarioBurstsDown() {
        List<FeedRecord> oracle =
                SampleFeed.generate(
                        OPTIONS.withBurst(BurstScenario.ORACLE_SLUMP).withBaselineMinutes(3));
        List<FeedRecord> burst = oracle.stream().filter(r -> r.kind() == Kind.BURST).toList();
        assertThat(burst).hasSize(30);
        for (FeedRecord r : burst) {
            NewsArticle a = NewsArticleParser.parse(r.valueBytes()).value();
            assertThat(analyzer.analyze(a.title(), a.body(), a.language()).moves())
                    .as(r.value())
                    .filteredOn(m -> m.percent() != null)
                    .anySatisfy(
                            m -> {
                                assertThat(m.entityId()).isEqualTo("oracle");
                                assertThat(m.direction()).isEqualTo(MarketMove.Direction.DOWN);
                                assertThat(m.percent()).isGreaterThanOrEqualTo(5.0);
                            });
        }
    }

    @Test
    void syndicatedCopiesAreNearDuplicatesOfTheirOriginal() {
        Map<String, FeedRecord> originals = new HashMap<>();
        feed.stream()
                .filter(r -> r.kind() == Kind.ORIGINAL)
                .forEach(r -> originals.put(r.storyId(), r));
        LanguageDetector detector = new LanguageDetector();
        Set<String> copyKinds = new HashSet<>();
        for (FeedRecord copy : feed) {
            if (copy.kind() != Kind.SYNDICATED) {
                continue;
            }
            FeedRecord original = originals.get(copy.storyId());
            NewsArticle a = NewsArticleParser.parse(original.valueBytes()).value();
            NewsArticle b = NewsArticleParser.parse(copy.valueBytes()).value();
            assertThat(b.id()).isNotEqualTo(a.id());
            assertThat(b.source()).isNotEqualTo(a.source());
            assertThat(copy.timestamp()).isAfter(original.timestamp());
            assertThat(b.title() + b.body()).isNotEqualTo(a.title() + a.body());
            assertThat(SimHash.distance(simHash(a), simHash(b)))
                    .as("%s%n%s", a.title(), b.title())
                    .isLessThanOrEqualTo(SimHash.NEAR_DUPLICATE_BITS);
            Language from = detector.detect(a.title() + a.body(), a.language());
            Language to = detector.detect(b.title() + b.body(), b.language());
            copyKinds.add(from.tag() + ">" + to.tag());
        }
        assertThat(copyKinds).contains("zh-Hans>zh-Hant", "zh-Hans>zh-Hans");
    }

    @Test
    void redeliveriesRepeatAnEarlierMessageExactly() {
        Map<String, FeedRecord> firstById = new HashMap<>();
        int redeliveries = 0;
        for (FeedRecord r : feed) {
            if (r.kind() == Kind.REDELIVERY) {
                redeliveries++;
                FeedRecord first = firstById.get(r.key());
                assertThat(first).as(r.key()).isNotNull();
                assertThat(r.value()).isEqualTo(first.value());
                assertThat(r.sendOffset()).isGreaterThan(first.sendOffset());
            } else if (r.valid()) {
                assertThat(firstById.put(r.key(), r)).as("id reused: " + r.key()).isNull();
            }
        }
        assertThat(redeliveries).isPositive();
    }

    @Test
    void liveFeedIsEndlessAndStampedWithTheClock(@TempDir Path dir) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T08:00:00Z"), ZoneOffset.UTC);
        Iterator<FeedRecord> live = SampleFeed.live(7, clock);
        List<FeedRecord> taken = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            taken.add(live.next());
        }
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        Set<String> ids = new HashSet<>();
        for (FeedRecord r : taken) {
            kinds.add(r.kind());
            assertThat(NewsArticleParser.parse(r.valueBytes()).isOk()).isEqualTo(r.valid());
            if (r.valid() && r.kind() != Kind.REDELIVERY) {
                assertThat(r.timestamp()).isEqualTo(clock.instant());
                assertThat(ids.add(r.key())).as(r.key()).isTrue();
            }
        }
        assertThat(kinds).containsAll(EnumSet.allOf(Kind.class));
        assertThat(SampleFeed.liveStream(7, clock).limit(400).toList()).isEqualTo(taken);

        Path file = dir.resolve("feed.jsonl");
        SampleFeed.writeJsonLines(taken, file);
        assertThat(Files.readAllLines(file)).isEqualTo(values(taken));
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> OPTIONS.withBaselineMinutes(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OPTIONS.withTimeScale(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OPTIONS.withArticlesPerMinute(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SampleFeed.generate(OPTIONS.withBurstMinutes(0)))
                .noneMatch(r -> r.kind() == Kind.BURST);
    }

    private static long simHash(NewsArticle a) {
        return SimHash.of(analyzer.analyze(a.title(), a.body(), a.language()).text().text());
    }

    /** Greedy count of groups of near-duplicates. */
    private static int clusters(List<Long> hashes) {
        List<Long> heads = new ArrayList<>();
        for (long h : hashes) {
            if (heads.stream()
                    .noneMatch(x -> SimHash.distance(x, h) <= SimHash.NEAR_DUPLICATE_BITS)) {
                heads.add(h);
            }
        }
        return heads.size();
    }

    private static List<String> values(List<FeedRecord> records) {
        return records.stream().map(FeedRecord::value).toList();
    }
}
