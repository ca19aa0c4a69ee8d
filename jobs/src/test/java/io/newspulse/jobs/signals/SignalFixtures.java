package io.newspulse.jobs.signals;

import io.newspulse.common.model.ArticleEntity;
import io.newspulse.common.model.ArticleMove;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.model.StoryRef;
import io.newspulse.common.model.UnresolvedMove;
import io.newspulse.common.model.WindowAggregate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Realistic inputs for the signal function harness tests. */
final class SignalFixtures {
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    private SignalFixtures() {}

    /** The aggregate of NVIDIA in the {@code minute}-th window after {@link #T0}. */
    static WindowAggregate nvidia(int minute, long stories, double tone, int updates) {
        return aggregate("nvidia", "NVIDIA", minute, stories, tone, updates);
    }

    static WindowAggregate aggregate(
            String key, String name, int minute, long stories, double tone, int updates) {
        Instant start = T0.plus(MINUTE.multipliedBy(minute));
        List<StoryRef> top =
                IntStream.range(0, (int) Math.min(stories, 5))
                        .mapToObj(
                                i ->
                                        new StoryRef(
                                                key + "-" + minute + "-" + i,
                                                name + " headline " + i,
                                                "https://news.example/"
                                                        + key
                                                        + "/"
                                                        + minute
                                                        + "/"
                                                        + i,
                                                "wire"))
                        .toList();
        return new WindowAggregate(
                WindowAggregate.SCHEMA_VERSION,
                key,
                "entity",
                "company",
                name,
                start,
                start.plus(MINUTE),
                stories,
                stories,
                (int) Math.min(stories, 4),
                Map.of("en", stories),
                tone,
                0,
                null,
                top,
                updates);
    }

    /** The timestamp a window's result carries: its last millisecond. */
    static long timestampOf(WindowAggregate w) {
        return w.windowEnd().toEpochMilli() - 1;
    }

    static MoveEvent tencentMove(
            String articleId, Instant at, String direction, Double percent, String qualifier) {
        ArticleMove move =
                new ArticleMove(
                        "tencent",
                        "company",
                        "price",
                        direction,
                        percent,
                        null,
                        null,
                        qualifier,
                        "腾讯" + (percent == null ? "跌停" : "跌" + percent + "%"),
                        0,
                        6);
        return new MoveEvent(
                articleId,
                articleId,
                "腾讯股价 " + articleId,
                "https://news.example/" + articleId,
                "wire",
                at.toEpochMilli(),
                move,
                "Tencent");
    }

    /** An article about Tencent at {@code at} with the given moves. */
    static EnrichedArticle tencentArticle(
            Instant at, List<ArticleMove> moves, List<UnresolvedMove> unresolved) {
        ArticleEntity tencent =
                new ArticleEntity(
                        "tencent",
                        "company",
                        "Tencent",
                        List.of("0700.HK"),
                        List.of(),
                        null,
                        2,
                        90,
                        -0.5,
                        List.of("腾讯"),
                        List.of());
        return new EnrichedArticle(
                1,
                "a1",
                "s1",
                false,
                null,
                1.0,
                "wire",
                "https://x/a1",
                at,
                at,
                "published_at",
                at,
                null,
                "腾讯跌超5%",
                "body",
                "zh",
                List.of(tencent),
                List.of(),
                moves,
                0L,
                "hash",
                false,
                unresolved);
    }
}
