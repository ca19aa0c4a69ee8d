package io.newspulse.common.analysis;

import io.newspulse.common.kb.Entity;
import io.newspulse.common.kb.EntityType;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.moves.BoardLimits;
import io.newspulse.common.moves.MarketMove;
import io.newspulse.common.moves.MoveExtractor;
import io.newspulse.common.moves.PriceContext;
import io.newspulse.common.moves.PriceContextLexicon;
import io.newspulse.common.moves.TextSegments;
import io.newspulse.common.tag.EntityTagger;
import io.newspulse.common.tag.Mention;
import io.newspulse.common.tag.TaggerRules;
import io.newspulse.common.text.Language;
import io.newspulse.common.text.LanguageDetector;
import io.newspulse.common.text.NormalizedText;
import io.newspulse.common.text.TextNormalizer;
import io.newspulse.common.text.WorkMeter;
import io.newspulse.common.tone.ToneScorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Normalises, tags and scores one document: the single entry point the CLI and the Flink jobs use.
 * Immutable and thread-safe; build it once (building the dictionary takes a second).
 *
 * <p>Cost: every stage is linear in the document (see each stage's class comment for what bounds
 * it): language detection and normalising one pass each, tagging one automaton pass plus bounded
 * windows per hit, sentence and clause breaks one pass shared by moves and tone, moves and tone one
 * scan each plus bounded windows per figure or tone word. The work is charged to a {@link
 * WorkMeter}; with a limited meter the analysis stops when it runs out and is marked {@link
 * DocumentAnalysis#truncated()}.
 */
public final class DocumentAnalyzer {
    /** Characters of body text after the title that count as the lead. */
    static final int LEAD_LENGTH = 280;

    private final KnowledgeBase kb;
    private final TextNormalizer normalizer;
    private final LanguageDetector languages;
    private final EntityTagger tagger;
    private final MoveExtractor moves;
    private final PriceContext priceContext;
    private final ToneScorer tone;

    public DocumentAnalyzer(
            KnowledgeBase kb,
            TextNormalizer normalizer,
            LanguageDetector languages,
            EntityTagger tagger,
            MoveExtractor moves,
            PriceContext priceContext,
            ToneScorer tone) {
        this.kb = kb;
        this.normalizer = normalizer;
        this.languages = languages;
        this.tagger = tagger;
        this.moves = moves;
        this.priceContext = priceContext;
        this.tone = tone;
    }

    /** An analyzer over {@code kb} with the embedded rules and lexicons. */
    public static DocumentAnalyzer create(KnowledgeBase kb) {
        TextNormalizer normalizer = new TextNormalizer();
        return new DocumentAnalyzer(
                kb,
                normalizer,
                new LanguageDetector(),
                new EntityTagger(kb, normalizer::fold, TaggerRules.embedded(normalizer::fold)),
                MoveExtractor.fromClasspath(),
                new PriceContext(PriceContextLexicon.fromClasspath(), normalizer::fold),
                ToneScorer.fromClasspath());
    }

    /** The knowledge base in use. */
    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** The normaliser in use. */
    public TextNormalizer normalizer() {
        return normalizer;
    }

    /** The tagger in use. */
    public EntityTagger tagger() {
        return tagger;
    }

    /** Analyses a plain text with no title. */
    public DocumentAnalysis analyze(String text) {
        return analyze(null, text, null);
    }

    /**
     * Analyses an article.
     *
     * @param title headline, or null
     * @param body body text (may contain HTML)
     * @param declaredLanguage language tag supplied with the article, or null
     */
    public DocumentAnalysis analyze(String title, String body, String declaredLanguage) {
        return analyze(title, body, declaredLanguage, WorkMeter.unlimited());
    }

    /**
     * Analyses an article within the budget of {@code meter}: when it runs out, the result holds
     * what was found until then and is marked truncated.
     */
    public DocumentAnalysis analyze(
            String title, String body, String declaredLanguage, WorkMeter meter) {
        String b = body == null ? "" : body;
        boolean hasTitle = title != null && !title.isBlank();
        String full = hasTitle ? title.strip() + "\n\n" + b : b;
        int titleEnd = hasTitle ? title.strip().length() : 0;
        int leadEnd = Math.min(full.length(), titleEnd + LEAD_LENGTH);
        meter.charge(full.length()); // language detection
        Language language = languages.detect(full, declaredLanguage);
        NormalizedText text = normalizer.normalize(full, meter);
        List<Mention> mentions = tagger.tag(text, language, meter);
        List<MarketMove> found = List.of();
        List<MarketMove> unresolved = List.of();
        Map<String, List<Mention>> byEntity = withProductsUnderParents(mentions);
        List<Mention> counted = new ArrayList<>();
        byEntity.values().forEach(counted::addAll);
        Map<String, Double> tones = Map.of();
        if (!meter.exhausted()) {
            // Moves are looked for also without mentions: a move of a name the knowledge base
            // does not know is reported unresolved.
            TextSegments segments = TextSegments.of(text, meter);
            List<MarketMove> all = distinct(moves.extract(text, mentions, segments, meter));
            // Only changes in a price or level are moves (not sales, profit or forecasts); a
            // bounded window around each move decides.
            all = priceContext.priceMovesOnly(full, all);
            found = all.stream().filter(m -> !m.unresolved()).map(this::withBoardLimit).toList();
            unresolved = all.stream().filter(MarketMove::unresolved).toList();
            if (!mentions.isEmpty()) {
                tones = tone.score(text, counted, segments, meter);
            }
        }
        List<EntitySummary> entities =
                summaries(byEntity, tones, titleEnd, leadEnd, counted.size());
        return new DocumentAnalysis(
                language,
                entities,
                SectorCounter.count(entities, kb),
                found,
                unresolved,
                text,
                meter.exhausted(),
                meter.used());
    }

    /**
     * A limit move reported without a figure (涨停, الحد الأعلى) of a company whose board's daily
     * limit is known ({@link BoardLimits}) gets that limit as its percent.
     */
    private MarketMove withBoardLimit(MarketMove m) {
        if (m.percent() != null || !MoveExtractor.LIMIT.equals(m.qualifier())) {
            return m;
        }
        Entity e = kb.get(m.entityId());
        if (e.type() != EntityType.COMPANY) {
            return m;
        }
        OptionalDouble limit = BoardLimits.implied(e.tickers(), e.name());
        return limit.isEmpty() ? m : m.withPercent(limit.getAsDouble());
    }

    /** Groups mentions by entity; a product's mentions also count for its parent company. */
    private Map<String, List<Mention>> withProductsUnderParents(List<Mention> mentions) {
        Map<String, List<Mention>> byEntity = new LinkedHashMap<>();
        for (Mention m : mentions) {
            byEntity.computeIfAbsent(m.entityId(), k -> new ArrayList<>()).add(m);
            Entity e = kb.get(m.entityId());
            if (e.type() == EntityType.PRODUCT
                    && e.parent() != null
                    && kb.find(e.parent()).isPresent()) {
                Mention viaProduct =
                        new Mention(
                                e.parent(),
                                m.alias(),
                                m.start(),
                                m.end(),
                                m.normStart(),
                                m.normEnd(),
                                m.text(),
                                "product",
                                m.confidence());
                byEntity.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(viaProduct);
            }
        }
        byEntity.values().forEach(l -> l.sort(Comparator.comparingInt(Mention::start)));
        return byEntity;
    }

    private List<EntitySummary> summaries(
            Map<String, List<Mention>> byEntity,
            Map<String, Double> tones,
            int titleEnd,
            int leadEnd,
            int total) {
        List<EntitySummary> out = new ArrayList<>();
        for (var entry : byEntity.entrySet()) {
            Entity e = kb.get(entry.getKey());
            List<Mention> ms = entry.getValue();
            LinkedHashSet<String> aliases = new LinkedHashSet<>();
            ms.forEach(m -> aliases.add(m.alias()));
            out.add(
                    new EntitySummary(
                            e.id(),
                            e.type(),
                            e.name(),
                            e.tickers(),
                            List.copyOf(aliases),
                            e.sectors(),
                            e.parent(),
                            ms.size(),
                            Relevance.score(ms, titleEnd, leadEnd, total),
                            round(tones.getOrDefault(e.id(), 0.0)),
                            List.copyOf(ms)));
        }
        out.sort(
                Comparator.comparingInt(EntitySummary::relevance)
                        .reversed()
                        .thenComparing(Comparator.comparingInt(EntitySummary::count).reversed()));
        return out;
    }

    /**
     * The same move reported again (title, then body) is one move: the first report stays. An
     * unresolved move counts as the same when its subject is written the same way.
     */
    private static List<MarketMove> distinct(List<MarketMove> moves) {
        Map<List<Object>, MarketMove> first = new LinkedHashMap<>();
        for (MarketMove m : moves) {
            Object subject = m.unresolved() ? m.subject().text() : m.entityId();
            first.putIfAbsent(
                    Arrays.asList(
                            m.unresolved(),
                            subject,
                            m.kind(),
                            m.direction(),
                            m.percent(),
                            m.amount()),
                    m);
        }
        return List.copyOf(first.values());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
