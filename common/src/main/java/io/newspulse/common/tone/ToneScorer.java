package io.newspulse.common.tone;

import io.newspulse.common.moves.MentionIndex;
import io.newspulse.common.moves.TermSet;
import io.newspulse.common.moves.TextSegments;
import io.newspulse.common.tag.Mention;
import io.newspulse.common.text.NormalizedText;
import io.newspulse.common.text.WorkMeter;
import java.util.Collections;
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
 * <p>Cost: one automaton pass for the tone words; around each word the negator and intensifier
 * lexicons are searched only in windows of bounded size ({@code negationWindow}, the longest
 * intensifier), and the mention it is credited to is found by binary search and a scan bounded by
 * {@code window}. So scoring costs O(length + tone words + mentions), charged to the {@link
 * WorkMeter} given; when the meter runs out, scoring stops and keeps what it has credited.
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
        return score(text, mentions, TextSegments.of(text), WorkMeter.unlimited());
    }

    /**
     * Like {@link #score(NormalizedText, List)}, with the segments already found, charging {@code
     * meter}; when it runs out, the words credited so far make the scores.
     */
    public Map<String, Double> score(
            NormalizedText text, List<Mention> mentions, TextSegments seg, WorkMeter meter) {
        if (mentions.isEmpty()) {
            return Map.of();
        }
        String s = text.text();
        MentionIndex sorted = new MentionIndex(mentions, meter);
        double[] perMention = new double[sorted.size()];
        if (!meter.exhausted()) {
            words.scan(
                    s,
                    0,
                    s.length(),
                    meter,
                    (start, end, term) -> {
                        if (sorted.overlaps(start, end)) {
                            return true; // part of a name ("Rally Inc", 中升控股)
                        }
                        int target = creditedMention(sorted, seg, start, end, term);
                        if (target >= 0) {
                            perMention[target] += weight(s, seg, start, end, term, meter);
                        }
                        return !meter.exhausted();
                    });
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
        double[] sums = new double[2]; // positive, negative
        words.scan(
                s,
                0,
                s.length(),
                null,
                (start, end, term) -> {
                    double w = weight(s, seg, start, end, term, null);
                    if (w > 0) {
                        sums[0] += w;
                    } else {
                        sums[1] -= w;
                    }
                    return true;
                });
        return (sums[0] - sums[1]) / (sums[0] + sums[1] + settings.squash());
    }

    /** The signed weight of one tone word after negation and intensifiers. */
    private double weight(
            String s, TextSegments seg, int start, int end, int term, WorkMeter meter) {
        int clauseStart = seg.clauseStart(start);
        int clauseEnd = seg.clauseEnd(start);
        double w = words.value(term);
        TermSet.Hit<Boolean> negator =
                negators.findLast(
                        s, Math.max(clauseStart, start - settings.negationWindow()), start, meter);
        if (negator != null && negator.value()) {
            w *= settings.negationFactor();
        }
        return w * intensity(s, clauseStart, clauseEnd, start, end, meter);
    }

    /** The factor of an intensifier right before or after the word, or 1. */
    private double intensity(
            String s, int clauseStart, int clauseEnd, int start, int end, WorkMeter meter) {
        double factor = 1.0;
        TermSet.Hit<Double> before =
                intensifiers.findLast(
                        s, Math.max(clauseStart, start - intensifierReach), start, meter);
        if (before != null && isBlank(s, before.end(), start)) {
            factor = Math.max(factor, before.value());
        }
        int next = end;
        while (next < clauseEnd && s.charAt(next) == ' ') {
            next++;
        }
        // Reads no further than the longest intensifier, however long the clause.
        TermSet.Hit<Double> after = intensifiers.matchAt(s, next, clauseEnd, meter);
        if (after != null) {
            factor = Math.max(factor, after.value());
        }
        return factor;
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Index of the mention a tone word is credited to, or -1. Arabic words look right first, others
     * left first; both only within the sentence and {@code window}.
     */
    private int creditedMention(
            MentionIndex sorted, TextSegments seg, int start, int end, int term) {
        int sentenceStart = seg.sentenceStart(start);
        int sentenceEnd = seg.sentenceEnd(start);
        int window = settings.window();
        int k = sorted.firstStartingAt(start);
        // Before: the latest end, of equal ends the later mention.
        int before = -1;
        for (int i = k - 1; i >= 0; i--) {
            Mention m = sorted.get(i);
            sorted.visit();
            if (sorted.maxEndUpTo(i) < start - window || m.normStart() < sentenceStart) {
                break; // no earlier mention can qualify
            }
            if (m.normEnd() <= start
                    && start - m.normEnd() <= window
                    && (before < 0 || m.normEnd() > sorted.get(before).normEnd())) {
                before = i;
            }
        }
        // After: the first mention, in order, starting within the window after the word.
        int after = -1;
        for (int i = sorted.firstStartingAt(end); i < sorted.size(); i++) {
            Mention m = sorted.get(i);
            sorted.visit();
            if (m.normStart() - end > window) {
                break;
            }
            if (m.normEnd() <= sentenceEnd) {
                after = i;
                break;
            }
        }
        boolean verbFirst = TermSet.isArabicLetter(words.term(term).charAt(0));
        if (verbFirst) {
            return after >= 0 ? after : before;
        }
        return before >= 0 ? before : after;
    }

    private double squash(double x) {
        return x / (Math.abs(x) + settings.squash());
    }
}
