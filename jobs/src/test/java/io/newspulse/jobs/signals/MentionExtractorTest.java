package io.newspulse.jobs.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.model.ArticleEntity;
import io.newspulse.common.model.ArticleMove;
import io.newspulse.common.model.ArticleSector;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.model.UnresolvedMove;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Unresolved moves raise no move event and are counted in {@code unresolved_moves}. */
class MentionExtractorTest {
    private static final Instant T = Instant.parse("2025-03-03T02:10:00Z");

    @Test
    void countsUnresolvedMovesAndSendsOnlyResolvedOnesToThePriceMoveDetector() throws Exception {
        InterceptingOperatorMetricGroup operatorMetrics = new InterceptingOperatorMetricGroup();
        MockEnvironment env =
                new MockEnvironmentBuilder()
                        .setMetricGroup(
                                new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
                                    @Override
                                    public InternalOperatorMetricGroup getOrAddOperator(
                                            OperatorID id,
                                            String name,
                                            Map<String, String> additionalVariables) {
                                        return operatorMetrics;
                                    }
                                })
                        .build();
        try (OneInputStreamOperatorTestHarness<EnrichedArticle, MentionEvent> h =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new MentionExtractor()), env)) {
            h.open();
            h.processElement(article(), T.toEpochMilli());

            List<MoveEvent> moves = new ArrayList<>();
            h.getSideOutput(MentionExtractor.MOVES).forEach(r -> moves.add(r.getValue()));
            assertThat(moves).extracting(m -> m.move().entity()).containsExactly("tencent");
            assertThat(h.extractOutputValues())
                    .extracting(MentionEvent::key)
                    .containsExactly("entity:tencent");
            Counter unresolved = (Counter) operatorMetrics.get("unresolved_moves");
            assertThat(unresolved.getCount()).isEqualTo(2);
        }
    }

    @Test
    void aNamedSectorIsCountedOnceUnderItsSectorKeyWithItsMoves() throws Exception {
        ArticleEntity cambricon =
                new ArticleEntity(
                        "cambricon",
                        "company",
                        "Cambricon",
                        List.of("688256.SH"),
                        List.of("sector.ai_chips", "sector.semiconductors"),
                        null,
                        2,
                        90,
                        0.6,
                        List.of("寒武纪"),
                        List.of());
        ArticleEntity aiChips =
                new ArticleEntity(
                        "sector.ai_chips",
                        "sector",
                        "AI chip makers",
                        List.of(),
                        List.of(),
                        null,
                        1,
                        40,
                        0.4,
                        List.of("AI芯片"),
                        List.of());
        ArticleEntity robots =
                new ArticleEntity(
                        "sector.robotics",
                        "sector",
                        "Robotics",
                        List.of(),
                        List.of(),
                        null,
                        1,
                        20,
                        0.2,
                        List.of("机器人"),
                        List.of());
        EnrichedArticle base = SignalFixtures.tencentArticle(T, List.of(), List.of());
        EnrichedArticle a =
                new EnrichedArticle(
                        base.schemaVersion(),
                        base.id(),
                        base.storyId(),
                        base.duplicate(),
                        base.duplicateKind(),
                        base.novelty(),
                        base.source(),
                        base.url(),
                        base.publishedAt(),
                        base.eventTime(),
                        base.eventTimeSource(),
                        base.ingestTime(),
                        base.origin(),
                        "寒武纪大涨，AI芯片概念走强3%",
                        base.body(),
                        base.language(),
                        List.of(cambricon, aiChips, robots),
                        List.of(
                                new ArticleSector("sector.ai_chips", "AI chip makers", 3, false),
                                new ArticleSector(
                                        "sector.semiconductors", "Semiconductors", 2, true)),
                        List.of(
                                new ArticleMove(
                                        "sector.ai_chips",
                                        "sector",
                                        "price",
                                        "up",
                                        3.0,
                                        null,
                                        null,
                                        null,
                                        "走强3%",
                                        10,
                                        14)),
                        base.simhash(),
                        base.contentHash(),
                        base.analysisTruncated(),
                        List.of());
        try (OneInputStreamOperatorTestHarness<EnrichedArticle, MentionEvent> h =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new MentionExtractor()))) {
            h.open();
            h.processElement(a, T.toEpochMilli());

            List<MentionEvent> events = h.extractOutputValues();
            assertThat(events)
                    .extracting(MentionEvent::key)
                    .containsExactly(
                            "entity:cambricon",
                            "sector:sector.ai_chips",
                            "sector:sector.semiconductors",
                            "sector:sector.robotics");
            MentionEvent named = events.get(1);
            assertThat(named.keyKind()).isEqualTo("sector");
            assertThat(named.moves()).isEqualTo(1);
            assertThat(named.maxMovePercent()).isEqualTo(3.0);
            MentionEvent unlisted = events.get(3);
            assertThat(unlisted.name()).isEqualTo("Robotics");
            assertThat(unlisted.relevance()).isEqualTo(20);
        }
    }

    private static EnrichedArticle article() {
        return SignalFixtures.tencentArticle(
                T,
                List.of(
                        new ArticleMove(
                                "tencent", "company", "price", "down", 2.0, null, null, null, "跌2%",
                                2, 5)),
                List.of(
                        new UnresolvedMove(
                                "澜舟科技", 6, 10, "price", "up", 5.0, null, null, null, "涨5%", 10, 13),
                        new UnresolvedMove(
                                "宏晶", 14, 16, "price", "up", null, null, null, "limit", "涨停", 16,
                                18)));
    }
}
