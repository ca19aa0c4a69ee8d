package io.newspulse.evaluation;

import io.newspulse.common.analysis.DocumentAnalysis;
import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.kb.EntityType;
import io.newspulse.common.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the analyzer over the held-out sector set kept in the repository ({@link SectorSetReader})
 * and scores the sectors it gives each text per language ({@link SectorScorer}). Needs no corpora
 * folder. Each text is analysed on its own (title and body), with its file's language declared.
 */
public final class SectorEvaluation {
    private final DocumentAnalyzer analyzer;
    private final int examples;

    /**
     * @param analyzer the analyzer to score
     * @param examples missed and spurious sectors listed per language
     */
    public SectorEvaluation(DocumentAnalyzer analyzer, int examples) {
        this.analyzer = analyzer;
        this.examples = examples;
    }

    /** One report per language, named {@code sectors-heldout/<language>}. */
    public List<CorpusReport> run() {
        List<CorpusReport> out = new ArrayList<>();
        for (String language : SectorSetReader.LANGUAGES) {
            out.add(report(language, score(SectorSetReader.shipped(language))));
        }
        return out;
    }

    /**
     * Scores {@code texts}.
     *
     * @throws IllegalArgumentException when a label names a sector id the knowledge base lacks
     */
    public SectorScorer score(List<SectorText> texts) {
        checkIds(texts, analyzer.knowledgeBase());
        List<List<SectorScorer.Found>> found =
                texts.parallelStream()
                        .map(t -> found(analyzer.analyze(t.title(), t.body(), t.language())))
                        .toList();
        SectorScorer scorer = new SectorScorer();
        for (int i = 0; i < texts.size(); i++) {
            scorer.add(texts.get(i), found.get(i));
        }
        return scorer;
    }

    private static List<SectorScorer.Found> found(DocumentAnalysis analysis) {
        return analysis.sectors().stream()
                .map(s -> new SectorScorer.Found(s.id(), s.derived()))
                .toList();
    }

    private CorpusReport report(String language, SectorScorer scorer) {
        Map<String, List<Map.Entry<String, Integer>>> errors = new LinkedHashMap<>();
        errors.put("missed (line: sector | title)", scorer.missed().top(examples));
        errors.put(
                "found, neither named nor about (line: sector | title)",
                scorer.spurious().top(examples));
        return new CorpusReport(
                SectorSetReader.SET + "/" + language,
                null,
                scorer.metrics(),
                List.of(
                        "labelled set: evaluation/src/main/resources/newspulse/"
                                + SectorSetReader.SET
                                + "/*.tsv (held out: written apart from the sector names and"
                                + " rules, never used to tune them)",
                        "recall: named labels among the text's sectors, named or derived;"
                                + " recall_found_as_named: found and flagged as named; precision:"
                                + " sectors found that the text names or is about"),
                errors,
                List.of());
    }

    /**
     * Fails when a label names an id {@code kb} lacks or one that is not a sector.
     *
     * @throws IllegalArgumentException naming the language, line and id
     */
    static void checkIds(List<SectorText> texts, KnowledgeBase kb) {
        for (SectorText t : texts) {
            List<String> ids = new ArrayList<>(t.named());
            ids.addAll(t.about());
            for (String id : ids) {
                boolean sector = kb.find(id).map(e -> e.type() == EntityType.SECTOR).orElse(false);
                if (!sector) {
                    throw new IllegalArgumentException(
                            t.language()
                                    + " line "
                                    + t.line()
                                    + ": no sector '"
                                    + id
                                    + "' in the knowledge base");
                }
            }
        }
    }
}
