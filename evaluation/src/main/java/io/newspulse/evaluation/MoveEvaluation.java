package io.newspulse.evaluation;

import io.newspulse.common.analysis.DocumentAnalysis;
import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.moves.MarketMove;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the analyzer over the labelled move sets kept in the repository ({@link MoveSetReader}: the
 * tuning set and the held-out set) and scores the moves it finds per set and language ({@link
 * MoveScorer}). Needs no corpora folder. Each sentence is analysed on its own, with its file's
 * language declared.
 */
public final class MoveEvaluation {
    private final DocumentAnalyzer analyzer;
    private final int examples;

    /**
     * @param analyzer the analyzer to score
     * @param examples missed and spurious moves listed per language
     */
    public MoveEvaluation(DocumentAnalyzer analyzer, int examples) {
        this.analyzer = analyzer;
        this.examples = examples;
    }

    /**
     * One report per set and language, named {@code <set>/<language>}: the tuning set ({@code
     * moves/...}) first, then the held-out set ({@code moves-heldout/...}).
     */
    public List<CorpusReport> run() {
        List<CorpusReport> out = new ArrayList<>();
        for (String set : MoveSetReader.SETS) {
            for (String language : MoveSetReader.LANGUAGES) {
                out.add(
                        report(
                                set,
                                set + "/" + language,
                                score(MoveSetReader.shipped(set, language))));
            }
        }
        return out;
    }

    /**
     * Scores {@code sentences}.
     *
     * @throws IllegalArgumentException when a label names an entity id the knowledge base lacks
     */
    public MoveScorer score(List<MoveSentence> sentences) {
        checkSubjects(sentences, analyzer.knowledgeBase());
        List<List<MarketMove>> found =
                sentences.parallelStream()
                        .map(s -> found(analyzer.analyze(null, s.text(), s.language())))
                        .toList();
        MoveScorer scorer = new MoveScorer();
        for (int i = 0; i < sentences.size(); i++) {
            scorer.add(sentences.get(i), found.get(i));
        }
        return scorer;
    }

    /** Every move found, those of known entities and the unresolved ones, in text order. */
    private static List<MarketMove> found(DocumentAnalysis analysis) {
        List<MarketMove> all = new ArrayList<>(analysis.moves());
        all.addAll(analysis.unresolvedMoves());
        all.sort(Comparator.comparingInt(MarketMove::start));
        return all;
    }

    private CorpusReport report(String set, String name, MoveScorer scorer) {
        Map<String, List<Map.Entry<String, Integer>>> errors = new LinkedHashMap<>();
        errors.put("missed (line: label | sentence)", scorer.missed().top(examples));
        errors.put(
                "found, matching no label (line: move | sentence)",
                scorer.spurious().top(examples));
        return new CorpusReport(
                name,
                null,
                scorer.metrics(),
                List.of(
                        "labelled set: evaluation/src/main/resources/newspulse/"
                                + set
                                + "/*.tsv"
                                + (set.equals(MoveSetReader.HELD_OUT)
                                        ? " (held out: never used to tune the grammar)"
                                        : " (the set the grammar was tuned on)")
                                + "; a found move matches a label on entity id (an unresolved"
                                + " move: on the name), direction, kind and percent (within"
                                + " 0.005), one to one",
                        "recall: over all labels, known and unknown subjects; precision: over all found"
                                + " moves; unresolved_expected: labels whose subject the KB does"
                                + " not know"),
                errors,
                List.of());
    }

    /**
     * Fails when a label names an entity id {@code kb} lacks.
     *
     * @throws IllegalArgumentException naming the language, line and id
     */
    static void checkSubjects(List<MoveSentence> sentences, KnowledgeBase kb) {
        for (MoveSentence s : sentences) {
            for (LabelledMove m : s.moves()) {
                if (m.resolved() && kb.find(m.subject()).isEmpty()) {
                    throw new IllegalArgumentException(
                            s.language()
                                    + " line "
                                    + s.line()
                                    + ": no entity '"
                                    + m.subject()
                                    + "' in the knowledge base");
                }
            }
        }
    }
}
