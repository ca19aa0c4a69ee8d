package io.newspulse.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scores predicted mentions against labelled spans, document by document.
 *
 * <ul>
 *   <li>overlap: a predicted mention that shares a character with an evaluated gold span is a true
 *       positive for precision; a gold span that any prediction overlaps is found for recall (two
 *       mentions inside one gold span are two correct predictions but one found span);
 *   <li>exact: the same with identical start and end;
 *   <li>coverage-adjusted recall: recall over the gold spans whose text the knowledge base names
 *       (tested by the caller's predicate), which separates matching quality from coverage.
 * </ul>
 *
 * Not thread-safe; feed documents from one thread.
 */
public final class SpanScorer {
    private final Set<String> labels;
    private final Predicate<String> coveredText;
    private long documents;
    private long gold;
    private long predicted;
    private long predictedOverlap;
    private long predictedExact;
    private long goldOverlap;
    private long goldExact;
    private long goldCovered;
    private long goldCoveredFound;
    private final Tally falsePositives = new Tally();
    private final Tally missedCovered = new Tally();
    private final Tally missedUncovered = new Tally();
    private final Tally boundaries = new Tally();

    /**
     * @param labels gold labels evaluated (other labels only annotate false positives)
     * @param coveredText whether a gold span's text is a name in the knowledge base
     */
    public SpanScorer(Set<String> labels, Predicate<String> coveredText) {
        this.labels = Set.copyOf(labels);
        this.coveredText = coveredText;
    }

    /** Adds one document and its predictions. */
    public void add(SpanDocument doc, List<PredictedMention> predictions) {
        documents++;
        List<GoldSpan> evaluated =
                doc.gold().stream().filter(g -> labels.contains(g.label())).toList();
        gold += evaluated.size();
        predicted += predictions.size();
        for (PredictedMention p : predictions) {
            GoldSpan hit = null;
            boolean exact = false;
            for (GoldSpan g : evaluated) {
                if (g.overlaps(p.start(), p.end())) {
                    hit = g;
                    exact |= g.start() == p.start() && g.end() == p.end();
                }
            }
            if (hit == null) {
                falsePositives.add(p.text() + " -> " + p.entityId() + otherLabel(doc, p));
                continue;
            }
            predictedOverlap++;
            if (exact) {
                predictedExact++;
            } else {
                boundaries.add("[" + p.text() + "] in gold [" + hit.text() + "]");
            }
        }
        for (GoldSpan g : evaluated) {
            boolean found = false;
            boolean exact = false;
            for (PredictedMention p : predictions) {
                if (g.overlaps(p.start(), p.end())) {
                    found = true;
                    exact |= g.start() == p.start() && g.end() == p.end();
                }
            }
            boolean covered = coveredText.test(g.text());
            if (found) {
                goldOverlap++;
            }
            if (exact) {
                goldExact++;
            }
            if (covered) {
                goldCovered++;
                if (found) {
                    goldCoveredFound++;
                } else {
                    missedCovered.add(g.text() + " (" + g.label() + ")");
                }
            } else if (!found) {
                missedUncovered.add(g.text() + " (" + g.label() + ")");
            }
        }
    }

    /** " on LABEL" when a false positive falls on a gold span of a label not evaluated. */
    private String otherLabel(SpanDocument doc, PredictedMention p) {
        for (GoldSpan g : doc.gold()) {
            if (!labels.contains(g.label()) && g.overlaps(p.start(), p.end())) {
                return " (on " + g.label() + ")";
            }
        }
        return "";
    }

    public long documents() {
        return documents;
    }

    public long gold() {
        return gold;
    }

    public long predicted() {
        return predicted;
    }

    /** Found gold spans (overlap): the true positives reported. */
    public long truePositives() {
        return goldOverlap;
    }

    /** Share of predictions overlapping an evaluated gold span. */
    public double precision() {
        return Ratios.ratio(predictedOverlap, predicted);
    }

    /** Share of evaluated gold spans overlapped by a prediction. */
    public double recall() {
        return Ratios.ratio(goldOverlap, gold);
    }

    public double f1() {
        return Ratios.f1(precision(), recall());
    }

    public double exactPrecision() {
        return Ratios.ratio(predictedExact, predicted);
    }

    public double exactRecall() {
        return Ratios.ratio(goldExact, gold);
    }

    public long goldCovered() {
        return goldCovered;
    }

    /** Recall over gold spans whose text the knowledge base names. */
    public double coveredRecall() {
        return Ratios.ratio(goldCoveredFound, goldCovered);
    }

    /** Predictions on no evaluated gold span, as {@code text -> id (on other label)}. */
    public Tally falsePositives() {
        return falsePositives;
    }

    /** Missed gold spans whose text the knowledge base names. */
    public Tally missedCovered() {
        return missedCovered;
    }

    /** Missed gold spans the knowledge base does not name (coverage gaps). */
    public Tally missedUncovered() {
        return missedUncovered;
    }

    /** Predictions overlapping a gold span with different boundaries. */
    public Tally boundaries() {
        return boundaries;
    }

    /** The figures, in report order. */
    public Map<String, Object> metrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("documents", documents);
        m.put("gold_spans", gold);
        m.put("predicted", predicted);
        m.put("true_positives", goldOverlap);
        m.put("predicted_on_gold", predictedOverlap);
        m.put("precision", precision());
        m.put("recall", recall());
        m.put("f1", f1());
        m.put("exact_precision", exactPrecision());
        m.put("exact_recall", exactRecall());
        m.put("exact_f1", Ratios.f1(exactPrecision(), exactRecall()));
        m.put("gold_in_kb", goldCovered);
        m.put("gold_in_kb_found", goldCoveredFound);
        m.put("recall_in_kb", coveredRecall());
        return m;
    }
}
