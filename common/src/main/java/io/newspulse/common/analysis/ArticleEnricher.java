package io.newspulse.common.analysis;

import io.newspulse.common.kb.Entity;
import io.newspulse.common.model.ArticleEntity;
import io.newspulse.common.model.ArticleMention;
import io.newspulse.common.model.ArticleMove;
import io.newspulse.common.model.ArticleSector;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.model.KafkaOrigin;
import io.newspulse.common.model.NewsArticle;
import io.newspulse.common.model.UnresolvedMove;
import io.newspulse.common.moves.MarketMove;
import io.newspulse.common.story.ContentHash;
import io.newspulse.common.story.SimHash;
import io.newspulse.common.text.WorkMeter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a validated article into an enriched one: tagging, moves, tone and the fingerprints the
 * story stages need. Story fields start as "first copy of its own story"; the streaming
 * de-duplication replaces them.
 */
public final class ArticleEnricher {
    private final DocumentAnalyzer analyzer;

    public ArticleEnricher(DocumentAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * Enriches one article.
     *
     * @param article the validated article
     * @param eventTime the time it counts at
     * @param eventTimeSource how {@code eventTime} was chosen
     * @param ingestTime when it was read
     * @param origin the Kafka record, or null outside Kafka
     */
    public EnrichedArticle enrich(
            NewsArticle article,
            Instant eventTime,
            String eventTimeSource,
            Instant ingestTime,
            KafkaOrigin origin) {
        return enrich(
                article, eventTime, eventTimeSource, ingestTime, origin, WorkMeter.unlimited());
    }

    /**
     * Enriches one article within the budget of {@code meter}; an article that runs out of it keeps
     * what was found until then and is flagged {@link EnrichedArticle#analysisTruncated()}.
     */
    public EnrichedArticle enrich(
            NewsArticle article,
            Instant eventTime,
            String eventTimeSource,
            Instant ingestTime,
            KafkaOrigin origin,
            WorkMeter meter) {
        DocumentAnalysis a =
                analyzer.analyze(article.title(), article.body(), article.language(), meter);
        String folded = a.text().text();
        return new EnrichedArticle(
                EnrichedArticle.SCHEMA_VERSION,
                article.id(),
                article.id(),
                false,
                null,
                1.0,
                article.source(),
                article.url(),
                article.publishedAt(),
                eventTime,
                eventTimeSource,
                ingestTime,
                origin,
                article.title(),
                article.body(),
                a.language().tag(),
                entities(a),
                sectors(a),
                moves(a),
                SimHash.of(folded),
                ContentHash.of(folded),
                a.truncated(),
                unresolvedMoves(a));
    }

    private static List<ArticleEntity> entities(DocumentAnalysis a) {
        List<ArticleEntity> out = new ArrayList<>(a.entities().size());
        for (EntitySummary e : a.entities()) {
            List<ArticleMention> mentions = new ArrayList<>(e.mentions().size());
            e.mentions()
                    .forEach(
                            m ->
                                    mentions.add(
                                            new ArticleMention(
                                                    m.start(),
                                                    m.end(),
                                                    m.text(),
                                                    m.rule(),
                                                    m.confidence())));
            out.add(
                    new ArticleEntity(
                            e.id(),
                            e.type().json(),
                            e.name(),
                            e.tickers(),
                            e.sectors(),
                            e.parent(),
                            e.count(),
                            e.relevance(),
                            e.tone(),
                            e.aliasesMatched(),
                            mentions));
        }
        return out;
    }

    private static List<ArticleSector> sectors(DocumentAnalysis a) {
        List<ArticleSector> out = new ArrayList<>(a.sectors().size());
        a.sectors()
                .forEach(s -> out.add(new ArticleSector(s.id(), s.name(), s.count(), s.derived())));
        return out;
    }

    private static List<UnresolvedMove> unresolvedMoves(DocumentAnalysis a) {
        List<UnresolvedMove> out = new ArrayList<>(a.unresolvedMoves().size());
        for (MarketMove m : a.unresolvedMoves()) {
            out.add(
                    new UnresolvedMove(
                            m.subject().text(),
                            m.subject().start(),
                            m.subject().end(),
                            kind(m),
                            m.direction().json(),
                            m.percent(),
                            m.amount(),
                            m.currency(),
                            m.qualifier(),
                            m.text(),
                            m.start(),
                            m.end()));
        }
        return out;
    }

    private static String kind(MarketMove m) {
        return m.kind() == MarketMove.Kind.PRICE ? "price" : "market_cap";
    }

    private List<ArticleMove> moves(DocumentAnalysis a) {
        List<ArticleMove> out = new ArrayList<>(a.moves().size());
        for (MarketMove m : a.moves()) {
            String type =
                    analyzer.knowledgeBase()
                            .find(m.entityId())
                            .map(Entity::type)
                            .map(t -> t.json())
                            .orElse(null);
            out.add(
                    new ArticleMove(
                            m.entityId(),
                            type,
                            kind(m),
                            m.direction().json(),
                            m.percent(),
                            m.amount(),
                            m.currency(),
                            m.qualifier(),
                            m.text(),
                            m.start(),
                            m.end()));
        }
        return out;
    }
}
