package io.newspulse.common.moves;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.newspulse.common.moves.MarketMove.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Decides whether a percentage move is a price move: a change in the price or level of a security,
 * index, currency or commodity, not in sales, profit, output, money supply, a stake or a forecast.
 *
 * <p>It reads only bounded windows around each move: from the start of the move's sentence (at most
 * {@link PriceContextLexicon#windowBefore()} characters back, {@link
 * PriceContextLexicon#measureWindowBefore()} for the governing cue) to the end of the move, and
 * from there to the end of its clause (at most {@link PriceContextLexicon#windowAfter()}; a wrapped
 * wire line does not end it). A move is not a price move when a forecast word stands anywhere in
 * the window before its figure ("sees the dollar falling 5%", 预计增长), when the words after the
 * figure name another figure ("rose 48 pct in sales", "fell 13 pct for exports") or make it a part
 * of something ("10 pct of Shearson", but not "10 pct of its value"), or when the cue nearest
 * before the figure in its sentence names another figure ("net drops 61 pct", 营收增长, ارتفعت أرباح,
 * "Retail sales of new cars ... with GM down 9.3 pct"). A nearer price cue (shares, 股价, سهم) keeps
 * it, unless it is the unit of an amount ("337,867 billion yen"); so does a window with no cue at
 * all, since most moves name their subject only. Market-cap moves are not judged.
 *
 * <p>Cost: per move, a few passes over its windows (at most {@code measureWindowBefore} + {@code
 * windowAfter} characters, folded once each); the cues, the longest list, are found in one
 * automaton pass over a window, whatever their number.
 *
 * <p>Immutable and thread-safe.
 */
public final class PriceContext {
    private final UnaryOperator<String> fold;
    private final int windowBefore;
    private final int windowAfter;
    private final List<Cue> cues;

    /** Every folded cue term, its value the indexes in {@link #cues} of the cues written so. */
    private final AhoCorasickDoubleArrayTrie<int[]> cueAutomaton =
            new AhoCorasickDoubleArrayTrie<>();

    private final List<String> forecasts;
    private final List<String> otherFiguresAfter;
    private final List<String> connectives;
    private final int measureWindowBefore;
    private final List<String> measurePrepositions;
    private final List<String> stakeAfter;
    private final List<String> valueAfterStake;
    private final Set<String> amountWords;

    /**
     * @param lexicon the words and windows
     * @param fold the text folding in use, applied to the lexicon and to each window
     */
    public PriceContext(PriceContextLexicon lexicon, UnaryOperator<String> fold) {
        Objects.requireNonNull(lexicon, "lexicon");
        this.fold = Objects.requireNonNull(fold, "fold");
        this.windowBefore = lexicon.windowBefore();
        this.windowAfter = lexicon.windowAfter();
        List<Cue> all = new ArrayList<>();
        lexicon.priceCues().forEach(t -> all.add(new Cue(fold.apply(t), true)));
        lexicon.otherFigures().forEach(t -> all.add(new Cue(fold.apply(t), false)));
        // Longer cues first, so "market share" beats "market" when both end at the same place.
        all.sort(Comparator.comparingInt((Cue c) -> -c.term().length()));
        this.cues = List.copyOf(all);
        TreeMap<String, int[]> byTerm = new TreeMap<>();
        for (int i = 0; i < cues.size(); i++) {
            String term = cues.get(i).term();
            if (!term.isEmpty()) {
                int[] at = byTerm.getOrDefault(term, new int[0]);
                int[] more = Arrays.copyOf(at, at.length + 1);
                more[at.length] = i;
                byTerm.put(term, more);
            }
        }
        if (!byTerm.isEmpty()) {
            cueAutomaton.build(byTerm);
        }
        this.forecasts = lexicon.forecasts().stream().map(fold).toList();
        this.otherFiguresAfter = lexicon.otherFiguresAfter().stream().map(fold).toList();
        this.connectives = lexicon.connectives().stream().map(fold).toList();
        this.measureWindowBefore = lexicon.measureWindowBefore();
        this.measurePrepositions = lexicon.measurePrepositions().stream().map(fold).toList();
        this.stakeAfter = lexicon.stakeAfter().stream().map(fold).toList();
        this.valueAfterStake = lexicon.valueAfterStake().stream().map(fold).toList();
        this.amountWords = Set.copyOf(lexicon.amountWords().stream().map(fold).toList());
    }

    /** Whether {@code move}, found in {@code original}, is a price move (market-cap moves are). */
    public boolean isPriceMove(String original, MarketMove move) {
        if (move.kind() != Kind.PRICE) {
            return true;
        }
        int from = sentenceStart(original, move.start(), windowBefore);
        String before = fold.apply(original.substring(from, move.end()));
        if (containsAny(before, forecasts)) {
            return false;
        }
        String after = fold.apply(original.substring(move.end(), clauseEnd(original, move.end())));
        if (startsWithinAny(after, otherFiguresAfter) || isMeasuredAfter(after) || isPart(after)) {
            return false;
        }
        // The cue that governs the figure may open a long sentence ("Retail sales of new cars
        // ... with GM down 9.3 pct") or head a table written as one sentence.
        int measureFrom = sentenceStart(original, move.start(), measureWindowBefore);
        Cue nearest = nearestCue(fold.apply(original.substring(measureFrom, move.end())));
        if (nearest != null) {
            return nearest.price();
        }
        // No subject word before the figure: the measure may follow it ("up 16.5 pct on a
        // daily sales basis", "13.6 pct lower pre-tax profit"), up to a word giving a cause.
        Cue following = nearestCue(beforeConnective(after));
        return following == null || following.price();
    }

    // "fell 13 pct for exports": a preposition and a word of another figure right after it.
    private boolean isMeasuredAfter(String after) {
        String s = after.strip();
        for (String p : measurePrepositions) {
            String rest = restAfter(s, p);
            if (rest != null
                    && cues.stream()
                            .anyMatch(c -> !c.price() && restAfter(rest, c.term()) != null)) {
                return true;
            }
        }
        return false;
    }

    // "10 pct of Shearson": a part of something, unless it is the value that moved.
    private boolean isPart(String after) {
        String s = after.strip();
        for (String w : stakeAfter) {
            String rest = restAfter(s, w);
            if (rest != null) {
                return valueAfterStake.stream().noneMatch(v -> restAfter(rest, v) != null);
            }
        }
        return false;
    }

    /** What follows {@code term} when {@code s} starts with it as a whole word, else null. */
    private static String restAfter(String s, String term) {
        return s.startsWith(term) && isWord(s, 0, term) ? s.substring(term.length()).strip() : null;
    }

    private String beforeConnective(String after) {
        int cut = after.length();
        for (String c : connectives) {
            int at = firstWord(after, c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return after.substring(0, cut);
    }

    private static int firstWord(String s, String term) {
        for (int at = s.indexOf(term); at >= 0; at = s.indexOf(term, at + 1)) {
            if (isWord(s, at, term)) {
                return at;
            }
        }
        return -1;
    }

    /** The moves of {@code moves} that are price moves, in order. */
    public List<MarketMove> priceMovesOnly(String original, List<MarketMove> moves) {
        List<MarketMove> out = new ArrayList<>(moves.size());
        for (MarketMove m : moves) {
            if (isPriceMove(original, m)) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The cue that ends last in {@code window} as a whole word (a price cue not standing as the
     * unit of an amount); of cues ending at the same place the longer, then the one listed first.
     */
    /** {@link #nearestCue}, as {@code price:term} or {@code other:term}, or null (for tests). */
    String nearestCueName(String window) {
        Cue c = nearestCue(window);
        return c == null ? null : (c.price() ? "price:" : "other:") + c.term();
    }

    private Cue nearestCue(String window) {
        if (cues.isEmpty() || window.isEmpty()) {
            return null;
        }
        int[] best = {-1, -1}; // end, cue index
        cueAutomaton.parseText(
                window,
                (begin, end, indexes) -> {
                    for (int i : indexes) {
                        Cue c = cues.get(i);
                        if (!isWord(window, begin, c.term())
                                || (c.price() && isUnit(window, begin))) {
                            continue;
                        }
                        if (end > best[0] || (end == best[0] && i < best[1])) {
                            best[0] = end;
                            best[1] = i;
                        }
                    }
                });
        return best[1] < 0 ? null : cues.get(best[1]);
    }

    // The word at {@code at} follows a number or an amount word ("billion", "mln").
    boolean isUnit(String s, int at) {
        int end = at;
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == 0 || end == at) {
            return false;
        }
        if (Character.isDigit(s.charAt(end - 1))) {
            return true;
        }
        int start = end;
        while (start > 0 && end - start < 12 && isLatin(s.charAt(start - 1))) {
            start--;
        }
        return amountWords.contains(s.substring(start, end));
    }

    private static boolean containsAny(String window, List<String> terms) {
        for (String t : terms) {
            if (lastWord(window, t) >= 0) {
                return true;
            }
        }
        return false;
    }

    // The clause right after the figure starts with one of the terms (after a space or "的").
    private static boolean startsWithinAny(String after, List<String> terms) {
        String s = after.strip();
        for (String t : terms) {
            int at = s.indexOf(t);
            if (at >= 0 && at <= 2 && isWord(s, at, t)) {
                return true;
            }
        }
        return false;
    }

    /** Last occurrence of {@code term} in {@code s} as a whole word (Latin terms only). */
    static int lastWord(String s, String term) {
        return lastWord(s, term, s.length());
    }

    /**
     * Last whole-word occurrence of {@code term} in {@code s} starting at or before {@code from}.
     */
    static int lastWord(String s, String term, int from) {
        if (term.isEmpty()) {
            return -1;
        }
        for (int at = s.lastIndexOf(term, from); at >= 0; at = s.lastIndexOf(term, at - 1)) {
            if (isWord(s, at, term)) {
                return at;
            }
        }
        return -1;
    }

    private static boolean isWord(String s, int at, String term) {
        boolean latinStart = isLatin(term.charAt(0));
        boolean latinEnd = isLatin(term.charAt(term.length() - 1));
        int end = at + term.length();
        return (!latinStart || at == 0 || !isLatinOrDigit(s.charAt(at - 1)))
                && (!latinEnd || end == s.length() || !isLatinOrDigit(s.charAt(end)));
    }

    private static boolean isLatin(char c) {
        return c < 0x250 && Character.isLetter(c);
    }

    private static boolean isLatinOrDigit(char c) {
        return isLatin(c) || (c >= '0' && c <= '9');
    }

    private static int sentenceStart(String s, int from, int window) {
        int limit = Math.max(0, from - window);
        for (int i = from - 1; i >= limit; i--) {
            char c = s.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '؟' || c == '；' || isBreak(s, i)) {
                return i + 1;
            }
            // ". " before a capital or non-Latin letter ends a sentence; "U.S. car" does not.
            if ((c == '.' || c == '!' || c == '?')
                    && i + 2 < s.length()
                    && s.charAt(i + 1) == ' '
                    && !Character.isLowerCase(s.charAt(i + 2))) {
                return i + 2;
            }
        }
        return limit;
    }

    private int clauseEnd(String s, int from) {
        int limit = Math.min(s.length(), from + windowAfter);
        for (int i = from; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '。'
                    || c == '，'
                    || c == ','
                    || c == '；'
                    || c == ';'
                    || c == '،'
                    || c == '؟'
                    || isBreak(s, i)) {
                return i; // a wrapped wire line does not end the clause
            }
            if (c == '.' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return limit;
    }

    // A newline ends a paragraph, except where wire copy wraps a line between two words.
    private static boolean isBreak(String s, int i) {
        if (s.charAt(i) != '\n') {
            return false;
        }
        boolean wrapped =
                i > 0
                        && i + 1 < s.length()
                        && s.charAt(i - 1) < 0x250
                        && !Character.isWhitespace(s.charAt(i - 1))
                        && isLatinOrDigit(s.charAt(i + 1));
        return !wrapped;
    }

    private record Cue(String term, boolean price) {}
}
