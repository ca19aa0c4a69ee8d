package io.newspulse.jobs.signals;

import io.newspulse.common.model.ArticleEntity;
import io.newspulse.common.model.ArticleMove;
import io.newspulse.common.model.ArticleSector;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.jobs.kafka.DeadLetters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Splits an enriched article into one {@link MentionEvent} per entity and per sector, and one
 * {@link MoveEvent} per reported move (side output {@link #MOVES}; see {@link
 * MoveEvent#fromArticle}). An article it cannot split (a record {@link ParseEnrichedFunction} let
 * through but that is still malformed) goes whole to the {@link DeadLetters#TAG} side output, stage
 * {@code parse_enriched}, instead of failing the job; nothing of it is emitted.
 *
 * <p>A sector the text names is a sector entity and, as a rule, also one of the article's sectors:
 * it is counted once, as {@code sector:<id>} (key kind {@code sector}), never also as {@code
 * entity:<id>}. Counted twice, the two windows of one sector would each raise their own spike or
 * tone-shift candidate under the same alert id, and which one Elasticsearch kept would depend on
 * the order the windows fired in. A mention event carries the moves reported for its key, sectors
 * included.
 *
 * <p>Moves whose subject the knowledge base does not know ({@link
 * EnrichedArticle#unresolvedMoves()}) have no entity to alert on: they raise no alert and are only
 * counted, in the metric {@code unresolved_moves}.
 */
public final class MentionExtractor extends ProcessFunction<EnrichedArticle, MentionEvent> {
    /** Reported market moves, for the price-move detector. */
    public static final OutputTag<MoveEvent> MOVES = new OutputTag<>("moves") {};

    private static final String SECTOR = "sector";

    private transient Counter unresolvedMoves;

    @Override
    public void open(OpenContext context) {
        unresolvedMoves = getRuntimeContext().getMetricGroup().counter("unresolved_moves");
    }

    @Override
    public void processElement(EnrichedArticle a, Context ctx, Collector<MentionEvent> out) {
        List<MentionEvent> mentions = new ArrayList<>();
        List<MoveEvent> moves;
        try {
            split(a, mentions::add);
            moves = MoveEvent.fromArticle(a);
        } catch (RuntimeException e) {
            ctx.output(
                    DeadLetters.TAG,
                    DeadLetters.ofRecord(
                            "parse_enriched",
                            "news.enriched",
                            a.id(),
                            null,
                            a,
                            "invalid_enriched",
                            "cannot split the article into mentions: " + e));
            return;
        }
        mentions.forEach(out::collect);
        moves.forEach(m -> ctx.output(MOVES, m));
        unresolvedMoves.inc(a.unresolvedMoves().size());
    }

    private static void split(EnrichedArticle a, Consumer<MentionEvent> out) {
        long appendTime = a.origin() == null ? a.eventTimeMillis() : a.origin().timestamp();
        Set<String> sectorIds = new HashSet<>();
        a.sectors().forEach(s -> sectorIds.add(s.id()));
        List<ArticleEntity> namedNotListed = new ArrayList<>();
        for (ArticleEntity e : a.entities()) {
            if (SECTOR.equals(e.type())) {
                // Counted once, under its sector key, with the sector's moves.
                if (sectorIds.add(e.id())) {
                    namedNotListed.add(e);
                }
                continue;
            }
            out.accept(
                    mention(
                            a,
                            "entity",
                            e.id(),
                            e.type(),
                            e.name(),
                            e.tone(),
                            e.relevance(),
                            appendTime));
        }
        for (ArticleSector s : a.sectors()) {
            out.accept(
                    mention(
                            a,
                            SECTOR,
                            s.id(),
                            SECTOR,
                            s.name(),
                            sectorTone(a, s.id()),
                            sectorRelevance(a, s.id()),
                            appendTime));
        }
        for (ArticleEntity e : namedNotListed) {
            out.accept(
                    mention(
                            a,
                            SECTOR,
                            e.id(),
                            SECTOR,
                            e.name(),
                            e.tone(),
                            e.relevance(),
                            appendTime));
        }
    }

    private static MentionEvent mention(
            EnrichedArticle a,
            String keyKind,
            String id,
            String type,
            String name,
            double tone,
            int relevance,
            long appendTime) {
        List<ArticleMove> moves = movesOf(a, id);
        return new MentionEvent(
                keyKind + ":" + id,
                keyKind,
                id,
                type,
                name,
                a.id(),
                a.storyId(),
                a.duplicate(),
                a.source(),
                a.language(),
                tone,
                relevance,
                a.title(),
                a.url(),
                moves.size(),
                maxPercent(moves),
                a.eventTimeMillis(),
                appendTime);
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
