package io.newspulse.jobs.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.model.ArticleMove;
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
