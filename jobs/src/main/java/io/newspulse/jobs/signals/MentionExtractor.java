package io.newspulse.jobs.signals;

import io.newspulse.common.model.ArticleEntity;
import io.newspulse.common.model.ArticleMove;
import io.newspulse.common.model.ArticleSector;
import io.newspulse.common.model.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Splits an enriched article into one {@link MentionEvent} per entity and per sector, and one
 * {@link MoveEvent} per reported move (side output {@link #MOVES}; see {@link
 * MoveEvent#fromArticle}).
 */
public final class MentionExtractor extends ProcessFunction<EnrichedArticle, MentionEvent> {
    /** Reported market moves, for the price-move detector. */
    public static final OutputTag<MoveEvent> MOVES = new OutputTag<>("moves") {};

    @Override
    public void processElement(EnrichedArticle a, Context ctx, Collector<MentionEvent> out) {
        long appendTime = a.origin() == null ? a.eventTimeMillis() : a.origin().timestamp();
        for (ArticleEntity e : a.entities()) {
            List<ArticleMove> moves = movesOf(a, e.id());
            out.collect(
                    new MentionEvent(
                            "entity:" + e.id(),
                            "entity",
                            e.id(),
                            e.type(),
                            e.name(),
                            a.id(),
                            a.storyId(),
                            a.duplicate(),
                            a.source(),
                            a.language(),
                            e.tone(),
                            e.relevance(),
                            a.title(),
                            a.url(),
                            moves.size(),
                            maxPercent(moves),
                            a.eventTimeMillis(),
                            appendTime));
        }
        for (ArticleSector s : a.sectors()) {
            out.collect(
                    new MentionEvent(
                            "sector:" + s.id(),
                            "sector",
                            s.id(),
                            "sector",
                            s.name(),
                            a.id(),
                            a.storyId(),
                            a.duplicate(),
                            a.source(),
                            a.language(),
                            sectorTone(a, s.id()),
                            sectorRelevance(a, s.id()),
                            a.title(),
                            a.url(),
                            0,
                            null,
                            a.eventTimeMillis(),
                            appendTime));
        }
        for (MoveEvent m : MoveEvent.fromArticle(a)) {
            ctx.output(MOVES, m);
        }
    }

    private static List<ArticleMove> movesOf(EnrichedArticle a, String entityId) {
        List<ArticleMove> out = new ArrayList<>();
        for (ArticleMove m : a.moves()) {
            if (m.entity().equals(entityId)) {
                out.add(m);
            }
        }
        return out;
    }

    private static Double maxPercent(List<ArticleMove> moves) {
        Double max = null;
        for (ArticleMove m : moves) {
            if (m.percent() != null && (max == null || m.percent() > max)) {
                max = m.percent();
            }
        }
        return max;
    }

    /** Average tone of the article's entities in the sector (0 when none carries tone). */
    private static double sectorTone(EnrichedArticle a, String sectorId) {
        double sum = 0;
        int n = 0;
        for (ArticleEntity e : a.entities()) {
            if (e.id().equals(sectorId) || e.sectors().contains(sectorId)) {
                sum += e.tone();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static int sectorRelevance(EnrichedArticle a, String sectorId) {
        int max = 0;
        for (ArticleEntity e : a.entities()) {
            if (e.id().equals(sectorId) || e.sectors().contains(sectorId)) {
                max = Math.max(max, e.relevance());
            }
        }
        return max;
    }
}
