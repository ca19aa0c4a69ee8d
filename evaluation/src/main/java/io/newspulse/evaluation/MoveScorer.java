package io.newspulse.evaluation;

import io.newspulse.common.moves.MarketMove;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the moves found in labelled sentences ({@link MoveSetReader}) against their labels.
 *
 * <p><b>Matching.</b> A found move matches a labelled move with a known subject when all of these
 * hold:
 *
 * <ul>
 *   <li>its entity id equals the label's subject id;
 *   <li>its direction and its kind (price or market capitalisation) equal the label's;
 *   <li>its figure agrees: when the label has a percent, the found percent is within 0.005 of it
 *       (points are not compared: a move carries only its percent); when the label is a limit move
 *       without a figure (涨停), the found move has qualifier {@code limit}, whatever percent the
 *       board's limit gave it.
 * </ul>
 *
 * A found move matches a labelled move whose subject the knowledge base does not know when it is
 * reported unresolved ({@link MarketMove#unresolved()}), its direction, kind and figure agree as
 * above, and its subject text and the label's name agree: equal or one containing the other,
 * ignoring case and spaces.
 *
 * <p>Matching is one to one within a sentence: labels are taken in order and each takes the first
 * found move, in text order, that matches it and is not taken yet. <b>Recall</b> is matched labels
 * over all labels, known and unknown subjects together; {@code recall_known_subjects} counts the
 * labels with a known subject only. <b>Precision</b> is matched found moves over all found moves,
 * resolved and unresolved. For a label with an unknown subject that no unresolved move matched, a
 * found move with its direction and figure is counted as {@code unresolved_given_to_other}: the
 * move went to another name. A found move with the direction and figure of an unmatched label with
 * a known subject is counted as {@code wrong_subject}. A <b>non-move sentence</b> has no labelled
 * move; {@code non_move_sentences_with_move} counts those where anything was found, and {@code
 * sentences_with_false_move_by_kind} counts, per non-move kind, the sentences holding that kind of
 * figure where a found move matched no label.
 */
public final class MoveScorer {
    /** Largest difference between a labelled and a found percent that still matches. */
    static final double PERCENT_TOLERANCE = 0.005;

    private long sentences;
    private long labelled;
    private long unresolved;
    private long found;
    private long matched;
    private long unresolvedMatched;
    private long nonMoveSentences;
    private long nonMoveWithMove;
    private long givenToOther;
    private long wrongSubject;
    private final Map<String, long[]> byKind = new TreeMap<>(); // [sentences, with a false move]
    private final Tally missed = new Tally();
    private final Tally spurious = new Tally();

    /** Scores one sentence against the moves the analyzer found in it. */
    public void add(MoveSentence sentence, List<MarketMove> moves) {
        sentences++;
        found += moves.size();
        boolean[] taken = new boolean[moves.size()];
        List<LabelledMove> open = new ArrayList<>();
        for (LabelledMove label : sentence.moves()) {
            if (label.resolved()) {
                labelled++;
            } else {
                unresolved++;
            }
            int hit = -1;
            for (int i = 0; i < moves.size() && hit < 0; i++) {
                if (!taken[i] && matches(label, moves.get(i))) {
                    hit = i;
                }
            }
            if (hit >= 0) {
                taken[hit] = true;
                if (label.resolved()) {
                    matched++;
                } else {
                    unresolvedMatched++;
                }
            } else {
                open.add(label);
                missed.add(key(sentence, label.label()));
            }
        }
        boolean falseMove = false;
        for (int i = 0; i < moves.size(); i++) {
            if (taken[i]) {
                continue;
            }
            falseMove = true;
            MarketMove m = moves.get(i);
            spurious.add(key(sentence, describe(m)));
            for (LabelledMove label : open) {
                if (sameFigure(label, m)) {
                    if (label.resolved()) {
                        wrongSubject++;
                    } else {
                        givenToOther++;
                    }
                    break;
                }
            }
        }
        if (sentence.moves().isEmpty()) {
            nonMoveSentences++;
            nonMoveWithMove += moves.isEmpty() ? 0 : 1;
        }
        for (String kind : sentence.nonMoves()) {
            long[] c = byKind.computeIfAbsent(kind, k -> new long[2]);
            c[0]++;
            c[1] += falseMove ? 1 : 0;
        }
    }

    /** Whether {@code m} is the labelled move {@code label} (see the class comment). */
    static boolean matches(LabelledMove label, MarketMove m) {
        if (!sameFigure(label, m)) {
            return false;
        }
        if (label.resolved()) {
            return label.subject().equals(m.entityId());
        }
        return m.unresolved() && sameName(label.subject(), m.subject().text());
    }

    /** Equal, or one containing the other, ignoring case and white space. */
    private static boolean sameName(String labelled, String written) {
        String a = compact(labelled);
        String b = compact(written);
        return !a.isEmpty() && !b.isEmpty() && (a.contains(b) || b.contains(a));
    }

    private static String compact(String name) {
        return name.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean sameFigure(LabelledMove label, MarketMove m) {
        if (m.direction() != label.direction() || m.kind() != label.kind()) {
            return false;
        }
        if (label.percent() == null) {
            return "limit".equals(m.qualifier());
        }
        return m.percent() != null && Math.abs(m.percent() - label.percent()) <= PERCENT_TOLERANCE;
    }

    /** Labelled moves, known and unknown subjects together. */
    public long labelled() {
        return labelled + unresolved;
    }

    public long found() {
        return found;
    }

    /** Labels matched, known and unknown subjects together. */
    public long matched() {
        return matched + unresolvedMatched;
    }

    /** Matched labels over all labels, known and unknown subjects together. */
    public double recall() {
        return Ratios.ratio(matched + unresolvedMatched, labelled + unresolved);
    }

    /** Matched labels over labels whose subject the knowledge base knows. */
    public double recallKnownSubjects() {
        return Ratios.ratio(matched, labelled);
    }

    public double precision() {
        return Ratios.ratio(matched + unresolvedMatched, found);
    }

    public long nonMoveSentences() {
        return nonMoveSentences;
    }

    public long nonMoveSentencesWithMove() {
        return nonMoveWithMove;
    }

    public long unresolvedGivenToOther() {
        return givenToOther;
    }

    public long wrongSubject() {
        return wrongSubject;
    }

    /** Labels missed, as {@code line: label | sentence}. */
    public Tally missed() {
        return missed;
    }

    /** Found moves that matched no label, as {@code line: move | sentence}. */
    public Tally spurious() {
        return spurious;
    }

    /** Per non-move kind: sentences with that kind of figure, and those with a false move. */
    public Map<String, long[]> byKind() {
        return byKind;
    }

    /** The figures in report order. */
    public Map<String, Object> metrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sentences", sentences);
        m.put("labelled_moves", labelled + unresolved);
        m.put("found_moves", found);
        m.put("matched", matched + unresolvedMatched);
        m.put("recall", recall());
        m.put("precision", precision());
        m.put("f1", Ratios.f1(precision(), recall()));
        m.put("recall_known_subjects", recallKnownSubjects());
        m.put("unresolved_expected", unresolved);
        m.put("unresolved_matched", unresolvedMatched);
        m.put("wrong_subject", wrongSubject);
        m.put("unresolved_given_to_other", givenToOther);
        m.put("non_move_sentences", nonMoveSentences);
        m.put("non_move_sentences_with_move", nonMoveWithMove);
        Map<String, String> kinds = new LinkedHashMap<>();
        byKind.forEach((k, c) -> kinds.put(k, c[1] + " of " + c[0]));
        m.put("sentences_with_false_move_by_kind", kinds);
        return m;
    }

    private static String key(MoveSentence s, String what) {
        return String.format("%s:%04d %s | %s", s.language(), s.line(), what, s.text());
    }

    private static String describe(MarketMove m) {
        return (m.unresolved() ? "?" + m.subject().text() : m.entityId())
                + " "
                + (m.direction() == MarketMove.Direction.UP ? "+" : "-")
                + (m.percent() == null ? "" : MoveSetReader.figure(m.percent()) + "%")
                + (m.qualifier() == null ? "" : " " + m.qualifier())
                + (m.kind() == MarketMove.Kind.MARKET_CAP ? " market_cap" : "");
    }
}
