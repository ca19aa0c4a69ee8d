package io.newspulse.jobs.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.model.ArticleMove;
import io.newspulse.common.model.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoveEventTest {
    private static final Instant T = Instant.parse("2025-03-03T02:10:00Z");

    private static ArticleMove move(String entity, String direction, Double pct, String q) {
        return new ArticleMove(
                entity, "company", "price", direction, pct, null, null, q, entity + " moved", 0, 5);
    }

    private static EnrichedArticle article(List<ArticleMove> moves) {
        return SignalFixtures.tencentArticle(T, moves, List.of());
    }

    @Test
    void oneEventPerEntityAndDirectionKeepingTheStrongestReport() {
        List<MoveEvent> events =
                MoveEvent.fromArticle(
                        article(
                                List.of(
                                        move("tencent", "down", 5.0, "over"),
                                        move("tencent", "down", 5.3, null),
                                        move("alibaba", "down", 2.0, null),
                                        move("alibaba", "down", null, "limit"),
                                        move("alibaba", "up", 1.0, null))));
        assertThat(events)
                .extracting(e -> e.move().entity() + " " + e.move().direction())
                .containsExactly("tencent down", "alibaba down", "alibaba up");
        MoveEvent tencent = events.get(0);
        assertThat(tencent.move().percent()).isEqualTo(5.3);
        assertThat(tencent.entityName()).isEqualTo("Tencent");
        assertThat(tencent.snippet()).isEqualTo("tencent moved");
        assertThat(tencent.eventTime()).isEqualTo(T.toEpochMilli());
        assertThat(tencent.articleId()).isEqualTo("a1");
        assertThat(tencent.storyId()).isEqualTo("s1");
        assertThat(events.get(1).move().qualifier()).isEqualTo("limit");
        assertThat(events.get(1).entityName()).isEqualTo("alibaba"); // not tagged: the id
    }

    @Test
    void articleWithoutMovesHasNoEvents() {
        assertThat(MoveEvent.fromArticle(article(List.of()))).isEmpty();
        assertThat(MoveEvent.fromArticle(article(null))).isEmpty();
    }
}
