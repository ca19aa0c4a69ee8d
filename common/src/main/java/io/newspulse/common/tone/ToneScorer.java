package io.newspulse.common.tone;

import io.newspulse.common.moves.TermSet;
import io.newspulse.common.moves.TextSegments;
import io.newspulse.common.tag.Mention;
import io.newspulse.common.text.NormalizedText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores the financial tone of a document towards each entity it mentions, in [-1, +1].
 *
 * <p>Every tone word of the lexicon found in the folded text (涨/利空, surged/probe, ارتفع/خسائر) is
 * credited to one mention: the nearest in the same sentence within {@code window} characters,
 * looking first at the mention before the word (Chinese and English put the subject first) or, for
 * an Arabic word, at the mention after it (Arabic puts the verb first: ارتفع سهم أرامكو). A negator
 * just before the word turns it around ({@code negationFactor}); an intensifier right next to it
 * (大幅, sharply, بقوة) multiplies its weight. An entity's raw score is the mean over all its
 * mentions of the weights credited to each, squashed to x / (|x| + k); an entity with no tone words
 * scores 0.0.
 *
 * <p>Immutable and thread-safe: build once from a lexicon and share.
 */
public final class ToneScorer {
    private final ToneLexicon.Settings settings;
    private final TermSet<Double> words;
    private final TermSet<Boolean> negators;
    private final TermSet<Double> intensifiers;
    private final int intensifierReach;

    /** Builds a scorer from a lexicon (see {@code config/lexicons/tone.yaml}). */
    public ToneScorer(ToneLexicon lexicon) {
        Objects.requireNonNull(lexicon, "lexicon");
        this.settings = lexicon.settings();
        Map<String, Double> weights = new LinkedHashMap<>();
        lexicon.positive().forEach((w, v) -> weights.put(w, Math.abs(v)));
        lexicon.negative().forEach((w, v) -> weights.put(w, -Math.abs(v)));
        this.words = TermSet.of(weights);
        Map<String, Boolean> negating = new LinkedHashMap<>();
        // Pseudo-negators first and longest-first matching make 不断 win over 不.
        lexicon.pseudoNegators().forEach(w -> negating.put(w, false));
        lexicon.negators().forEach(w -> negating.putIfAbsent(w, true));
        // لا and لم would match inside words such as الاسهم: Arabic negators are whole words.
        this.negators = TermSet.of(negating, true);
        this.intensifiers = TermSet.of(lexicon.intensifiers());
        this.intensifierReach =
                lexicon.intensifiers().keySet().stream().mapToInt(String::length).max().orElse(0)
                        + 2;
    }

    /** Builds a scorer from the lexicon embedded at {@link ToneLexicon#RESOURCE}. */
    public static ToneScorer fromClasspath() {
        return new ToneScorer(ToneLexicon.fromClasspath());
    }

    /**
     * Tone per entity id, in the order the entities are first mentioned.
     *
     * @param text the normalised document
     * @param mentions the entity mentions found in it (any order)
     * @return entity id to tone in [-1, +1]; every mentioned entity is present
     */
    public Map<String, Double> score(NormalizedText text, List<Mention> mentions) {
        if (mentions.isEmpty()) {
            return Map.of();
        }
        String s = text.text();
        TextSegments seg = TextSegments.of(text);
        List<Mention> sorted = new ArrayList<>(mentions);
        sorted.sort(Comparator.comparingInt(Mention::normStart).thenComparingInt(Mention::normEnd));
        double[] perMention = new double[sorted.size()];
        for (TermSet.Hit<Double> hit : words.findAll(s, 0, s.length())) {
            if (overlapsMention(sorted, hit.start(), hit.end())) {
                continue; // part of a name ("Rally Inc", 中升控股)
            }
            int target = creditedMention(sorted, seg, hit);
            if (target >= 0) {
                perMention[target] += weight(s, seg, hit);
            }
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            double[] sum = sums.computeIfAbsent(sorted.get(i).entityId(), id -> new double[2]);
            sum[0] += perMention[i];
            sum[1]++;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((id, sum) -> out.put(id, squash(sum[0] / sum[1])));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Tone of the whole document regardless of entities: (P - N) / (P + N + k) over the weights of
     * its positive and negative words after negation and intensifiers, in (-1, +1); 0.0 when it has
     * no tone words. Balanced text scores near 0 however long it is.
     */
    public double documentTone(NormalizedText text) {
        String s = text.text();
        TextSegments seg = TextSegments.of(text);
        double positive = 0;
        double negative = 0;
        for (TermSet.Hit<Double> hit : words.findAll(s, 0, s.length())) {
            double w = weight(s, seg, hit);
            if (w > 0) {
                positive += w;
            } else {
                negative -= w;
            }
        }
        return (positive - negative) / (positive + negative + settings.squash());
    }

    /** The signed weight of one tone word after negation and intensifiers. */
    private double weight(String s, TextSegments seg, TermSet.Hit<Double> hit) {
        int clauseStart = seg.clauseStart(hit.start());
        int clauseEnd = seg.clauseEnd(hit.start());
        double w = hit.value();
        TermSet.Hit<Boolean> negator =
                negators.findLast(
                        s,
                        Math.max(clauseStart, hit.start() - settings.negationWindow()),
                        hit.start());
        if (negator != null && negator.value()) {
            w *= settings.negationFactor();
        }
        return w * intensity(s, clauseStart, clauseEnd, hit);
    }

    /** The factor of an intensifier right before or after the word, or 1. */
    private double intensity(String s, int clauseStart, int clauseEnd, TermSet.Hit<Double> hit) {
        double factor = 1.0;
        TermSet.Hit<Double> before =
                intensifiers.findLast(
                        s, Math.max(clauseStart, hit.start() - intensifierReach), hit.start());
        if (before != null && s.substring(before.end(), hit.start()).isBlank()) {
            factor = Math.max(factor, before.value());
        }
        int next = hit.end();
        while (next < clauseEnd && s.charAt(next) == ' ') {
            next++;
        }
        TermSet.Hit<Double> after = intensifiers.matchAt(s, next, clauseEnd);
        if (after != null) {
            factor = Math.max(factor, after.value());
        }
        return factor;
    }

    /**
     * Index of the mention a tone word is credited to, or -1. Arabic words look right first, others
     * left first; both only within the sentence and {@code window}.
     */
    private int creditedMention(List<Mention> sorted, TextSegments seg, TermSet.Hit<Double> hit) {
        int sentenceStart = seg.sentenceStart(hit.start());
        int sentenceEnd = seg.sentenceEnd(hit.start());
        int before = -1;
        int after = -1;
        for (int i = 0; i < sorted.size(); i++) {
            Mention m = sorted.get(i);
            if (m.normEnd() <= hit.start()
                    && m.normStart() >= sentenceStart
                    && hit.start() - m.normEnd() <= settings.window()
                    && (before < 0 || m.normEnd() >= sorted.get(before).normEnd())) {
                before = i;
            }
            if (after < 0
                    && m.normStart() >= hit.end()
                    && m.normEnd() <= sentenceEnd
                    && m.normStart() - hit.end() <= settings.window()) {
                after = i;
            }
        }
        boolean verbFirst = TermSet.isArabicLetter(hit.term().charAt(0));
        if (verbFirst) {
            return after >= 0 ? after : before;
        }
        return before >= 0 ? before : after;
    }

    private static boolean overlapsMention(List<Mention> sorted, int start, int end) {
        for (Mention m : sorted) {
            if (m.normStart() >= end) {
                return false;
            }
            if (m.normEnd() > start) {
                return true;
            }
        }
        return false;
    }

    private double squash(double x) {
        return x / (Math.abs(x) + settings.squash());
    }
}
