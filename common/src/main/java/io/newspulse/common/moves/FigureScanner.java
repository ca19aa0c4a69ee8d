package io.newspulse.common.moves;

import io.newspulse.common.moves.MarketMove.Direction;
import io.newspulse.common.text.WorkMeter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the figures a move can be made of in folded text: percentages ({@code 3.5%}, {@code 0.8
 * percent}, {@code 0.5 في المئه}, {@code -3.4%}) and money amounts ({@code 1200亿美元}, {@code $200
 * billion}, {@code 50 مليار دولار}).
 *
 * <p>Cost: one pass over the characters looks for the start of each digit run; the patterns
 * (literal alternations and digit runs, no nested quantifiers) are tried only there, and at the few
 * characters before it where a sign or a currency symbol may stand. A try reads the digit run once
 * and a bounded unit or currency word after it, so a scan costs O(length) whatever the text, and
 * finds exactly the matches a search over the whole text would. Most digit runs (dates, counts,
 * prices) are no figure: a pattern is only tried where a unit, multiplier or currency word starts
 * right after the run of number characters (the only place its number can end), and before the run
 * only where a sign or a currency symbol starts. Finding the end of that run is shared by the runs
 * of digits inside it, so the checks, too, read each character a bounded number of times.
 *
 * <p>A list of numbers that writes the unit once, after its last number ({@code 1.4 و2.6 بالمئة},
 * {@code 1.5 and 2.1 percent}), is a list of percentages: each number joined to a percentage by a
 * list separator is one too, read back from the percentage over at most {@link #MAX_SHARED_UNIT}
 * numbers. Only a number with a decimal point or of at most 100 counts (not "in 2024 and 3%").
 */
final class FigureScanner {
    private static final String DIGIT = "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]";
    private static final String NOT_AFTER_NUMBER =
            "(?<![0-9\\u0660-\\u0669\\u06F0-\\u06F9.,\\u066B])";
    private static final String NUMBER = DIGIT + "+(?:[.\\u066B]" + DIGIT + "+)?";
    // "1,200" thousands separators are only written with Latin digits.
    private static final String AMOUNT_NUMBER =
            "(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|" + NUMBER + ")";

    /** Most numbers before a percentage that share its unit. */
    static final int MAX_SHARED_UNIT = 8;

    /** A percentage; {@code sign} is set when written as {@code +2.3%} or {@code (-3.4%)}. */
    record Percent(int start, int end, int numberStart, Direction sign, double value) {}

    /** A money amount, already multiplied out; {@code currency} is null when not written. */
    record Amount(int start, int end, double value, String currency) {}

    private final Pattern percent;
    private final Pattern amount;

    /** Where a percentage may start and what must follow its number. */
    private final Shape percentShape;

    /** Where an amount may start and what must follow its number. */
    private final Shape amountShape;

    private final Map<String, String> currencyByTerm = new LinkedHashMap<>();
    private final Map<String, Long> multiplierByTerm = new LinkedHashMap<>();
    private final List<String> separators = new ArrayList<>();
    private final List<String> rangeMarkers = new ArrayList<>();

    FigureScanner(MoveLexicon lexicon) {
        TermSet<String> units = TermSet.ofTerms(lexicon.percentUnits());
        if (units.isEmpty()) {
            throw new IllegalArgumentException("moves lexicon needs percentUnits");
        }
        // A sign counts only at a word start: "(-3.4%)", "NVDA +2.3%", not "covid-19%".
        this.percent =
                Pattern.compile(
                        NOT_AFTER_NUMBER
                                + "(?:(?<![^\\s(\\[（])([+\\-\\u2212\\u2013]))?("
                                + NUMBER
                                + ")\\s?(?:"
                                + units.regex()
                                + ")");

        Map<String, String> words = new LinkedHashMap<>();
        Map<String, String> symbols = new LinkedHashMap<>();
        lexicon.currencies()
                .forEach(
                        (iso, c) -> {
                            c.words().forEach(w -> words.putIfAbsent(w, iso));
                            c.symbols().forEach(w -> symbols.putIfAbsent(w, iso));
                        });
        words.forEach((w, iso) -> currencyByTerm.putIfAbsent(TermSet.fold(w), iso));
        symbols.forEach((w, iso) -> currencyByTerm.putIfAbsent(TermSet.fold(w), iso));
        lexicon.multipliers().forEach((w, m) -> multiplierByTerm.put(TermSet.fold(w), m));

        // Separators of a list of numbers, one word or sign each (", and" is "," then "and").
        for (String sep : lexicon.listSeparators()) {
            String f = TermSet.fold(sep).strip();
            if (!f.isEmpty() && f.chars().noneMatch(Character::isWhitespace)) {
                separators.add(f);
            }
        }
        lexicon.rangeMarkers().forEach(w -> rangeMarkers.add(TermSet.fold(w).strip()));
        this.percentShape =
                new Shape(
                        1,
                        false,
                        Terms.of(List.of("+", "-", "\u2212", "\u2013")),
                        Terms.of(lexicon.percentUnits()),
                        false);
        TermSet<String> symbolSet = TermSet.of(symbols);
        List<String> followers = new ArrayList<>(lexicon.multipliers().keySet());
        followers.addAll(words.keySet());
        this.amountShape =
                new Shape(
                        symbolSet.longest() + 1, // symbol, then an optional space
                        true,
                        Terms.of(symbols.keySet()),
                        Terms.of(followers),
                        true); // "$200": after a symbol no word needs to follow
        String sym = symbolSet.regex();
        String cur = TermSet.of(words).regex();
        String mult = TermSet.of(lexicon.multipliers()).regex();
        this.amount =
                Pattern.compile(
                        NOT_AFTER_NUMBER
                                + "(?:(?<sym>"
                                + sym
                                + ")\\s?(?<a1>"
                                + AMOUNT_NUMBER
                                + ")(?:\\s?(?<m1>"
                                + mult
                                + "))?"
                                + "|(?<a2>"
                                + AMOUNT_NUMBER
                                + ")\\s?(?:(?<m2>"
                                + mult
                                + ")(?:\\s?(?<c2>"
                                + cur
                                + "))?|(?<c3>"
                                + cur
                                + ")))");
    }

    List<Percent> percents(String text, WorkMeter meter) {
        List<Percent> out = new ArrayList<>();
        candidates(
                text,
                percent,
                percentShape,
                meter,
                m -> {
                    Direction sign = null;
                    if (m.group(1) != null) {
                        sign = m.group(1).equals("+") ? Direction.UP : Direction.DOWN;
                    }
                    out.add(new Percent(m.start(), m.end(), m.start(2), sign, parse(m.group(2))));
                });
        List<Percent> shared = new ArrayList<>();
        for (Percent p : out) {
            if (p.sign() == null) {
                sharedUnit(text, p.numberStart(), meter, shared);
            }
        }
        if (!shared.isEmpty()) {
            out.addAll(shared);
            out.sort(Comparator.comparingInt(Percent::start));
        }
        return out;
    }

    /** Adds the numbers before {@code numberStart} that share its percentage's unit. */
    private void sharedUnit(String text, int numberStart, WorkMeter meter, List<Percent> out) {
        List<Percent> found = new ArrayList<>();
        int pos = numberStart;
        for (int k = 0; k < MAX_SHARED_UNIT; k++) {
            int p = separatorBefore(text, pos);
            if (p == pos) {
                break;
            }
            int end = p;
            while (end > 0 && text.charAt(end - 1) == ' ') {
                end--;
            }
            int start = end;
            while (start > 0 && end - start < 16 && isNumberChar(text.charAt(start - 1))) {
                start--;
            }
            if (meter != null) {
                meter.charge(pos - start);
            }
            if (start == end
                    || !isDigit(text.charAt(start))
                    || !isDigit(text.charAt(end - 1))
                    || (start > 0 && !isNumberBoundary(text.charAt(start - 1)))) {
                break;
            }
            String number = text.substring(start, end);
            double value;
            try {
                value = parse(number);
            } catch (NumberFormatException e) {
                break;
            }
            boolean decimal = number.indexOf('.') >= 0 || number.indexOf('\u066B') >= 0;
            if (!decimal && value > 100) {
                break;
            }
            found.add(new Percent(start, end, start, null, value));
            pos = start;
        }
        if (!found.isEmpty() && !afterRangeMarker(text, pos)) {
            out.addAll(found); // "between 2 and 3%" is a range, not two figures
        }
    }

    private boolean afterRangeMarker(String text, int pos) {
        int p = pos;
        while (p > 0 && text.charAt(p - 1) == ' ') {
            p--;
        }
        for (String marker : rangeMarkers) {
            int start = p - marker.length();
            if (text.startsWith(marker, start)
                    && (start == 0 || !Character.isLetter(text.charAt(start - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the list separators (one or two, with spaces) that end right before {@code pos} start,
     * or {@code pos} when there is none. A separator must stand alone: و glued to the end of a word
     * (نحو) is no separator.
     */
    private int separatorBefore(String text, int pos) {
        int p = pos;
        int found = pos;
        for (int k = 0; k < 2; k++) {
            while (p > 0 && text.charAt(p - 1) == ' ') {
                p--;
            }
            String match = null;
            for (String sep : separators) {
                if (text.startsWith(sep, p - sep.length())
                        && (match == null || sep.length() > match.length())) {
                    match = sep;
                }
            }
            if (match == null) {
                break;
            }
            int start = p - match.length();
            if (start > 0 && Character.isLetter(text.charAt(start - 1))) {
                break;
            }
            p = start;
            found = start;
        }
        return found;
    }

    /**
     * Whether a number may start after {@code c}: not inside a Latin or Arabic word or a longer
     * number (Chinese writes numbers right after its words: 上涨1.5和2.1%).
     */
    private static boolean isNumberBoundary(char c) {
        if (Character.isLetter(c)) {
            return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
        }
        return !Character.isDigit(c) && c != ',' && c != '.' && c != '\u066B';
    }

    private static boolean isNumberChar(char c) {
        return isDigit(c) || c == '.' || c == '\u066B';
    }

    /**
     * The matches of the percentage ({@code amounts} false) or amount pattern that the scan tries
     * and finds, as {@code start-end}: the same a {@link Matcher#find()} loop over the whole text
     * finds.
     */
    List<String> matchSpans(String text, boolean amounts) {
        List<String> out = new ArrayList<>();
        candidates(
                text,
                amounts ? amount : percent,
                amounts ? amountShape : percentShape,
                null,
                m -> out.add(m.start() + "-" + m.end()));
        return out;
    }

    /** The pattern of a percentage ({@code amounts} false) or of an amount. */
    Pattern pattern(boolean amounts) {
        return amounts ? amount : percent;
    }

    List<Amount> amounts(String text, WorkMeter meter) {
        List<Amount> out = new ArrayList<>();
        candidates(
                text,
                amount,
                amountShape,
                meter,
                m -> {
                    boolean symbolFirst = m.group("sym") != null;
                    String number = symbolFirst ? m.group("a1") : m.group("a2");
                    String mult = symbolFirst ? m.group("m1") : m.group("m2");
                    String cur =
                            symbolFirst
                                    ? m.group("sym")
                                    : m.group("c2") != null ? m.group("c2") : m.group("c3");
                    double value = parse(number) * (mult == null ? 1L : multiplierByTerm.get(mult));
                    out.add(
                            new Amount(
                                    m.start(),
                                    m.end(),
                                    value,
                                    cur == null ? null : currencyByTerm.get(cur)));
                });
        return out;
    }

    /**
     * Tries {@code pattern} at every position a match can start: the first digit of a digit run and
     * the {@code shape.lead()} characters before it, left to right and never inside an earlier
     * match, the way {@link Matcher#find()} would find them. Calls {@code found} after each match.
     *
     * <p>A try is skipped where {@code shape} shows it must fail, and the matcher is only made for
     * the first try: most texts have digits, few have figures.
     */
    private static void candidates(
            String text, Pattern pattern, Shape shape, WorkMeter meter, Consumer<Matcher> found) {
        int n = text.length();
        int lead = shape.lead();
        Matcher m = null;
        int next = 0; // first position not yet tried and not inside a match
        int runEnd = 0; // end of the run of number characters the current digit run is in
        for (int i = 0; i < n; i++) {
            if (!isDigit(text.charAt(i)) || (i > 0 && isDigit(text.charAt(i - 1)))) {
                continue;
            }
            if (i >= runEnd) {
                runEnd = shape.numberEnd(text, i);
            }
            boolean followed = shape.followedAt(text, runEnd);
            for (int p = Math.max(next, i - lead); p <= i; p++) {
                if (p == i ? followed : shape.leadsAt(text, p, followed)) {
                    if (m == null) {
                        m = pattern.matcher(text).useTransparentBounds(true);
                        m.useAnchoringBounds(false);
                    }
                    m.region(p, n);
                    if (m.lookingAt()) {
                        if (meter != null) {
                            meter.charge(m.end() - p);
                        }
                        found.accept(m);
                        next = m.end();
                        break;
                    }
                }
                next = p + 1;
            }
            if (meter != null) {
                meter.charge(lead + 1);
            }
        }
        if (meter != null) {
            meter.charge(n);
        }
    }

    /**
     * What a figure pattern needs around the digit run it is tried at: how many characters before
     * the run it may start ({@code lead}), the terms it may start with there ({@code leads}: a
     * sign, a currency symbol), and the terms one of which must start right after its number, or
     * after one space ({@code follows}: a unit, a multiplier, a currency word), always or, with
     * {@code followerOptional}, unless the match starts with a lead ("$200"). Its number consumes
     * number characters (digits, decimal points and, with {@code commas}, thousands separators)
     * only, so it can only end where their run ends. These are necessary conditions, checked before
     * the pattern is tried; where a lexicon term would make them unsound (a term starting with a
     * digit, a separator or a space) nothing is skipped.
     */
    private record Shape(
            int lead,
            boolean commas,
            Terms leads,
            Terms follows,
            boolean followerOptional,
            boolean sound) {
        Shape(int lead, boolean commas, Terms leads, Terms follows, boolean followerOptional) {
            this(
                    lead,
                    commas,
                    leads,
                    follows,
                    followerOptional,
                    leads.noneStartWith(FigureScanner::isDigit)
                            && follows.noneStartWith(
                                    c -> isNumberChar(c) || c == ',' || isPatternSpace(c)));
        }

        /** End of the run of number characters starting at {@code i}. */
        int numberEnd(String text, int i) {
            int e = i;
            while (e < text.length()
                    && (isNumberChar(text.charAt(e)) || (commas && text.charAt(e) == ','))) {
                e++;
            }
            return e;
        }

        /** Whether a follower starts at {@code q}, or after one space there. */
        boolean followedAt(String text, int q) {
            if (!sound) {
                return true;
            }
            return follows.startAt(text, q)
                    || (q < text.length()
                            && isPatternSpace(text.charAt(q))
                            && follows.startAt(text, q + 1));
        }

        /**
         * Whether a match may start at {@code p}, before the digit run, {@code followed} telling
         * whether a follower stands after the run.
         */
        boolean leadsAt(String text, int p, boolean followed) {
            return !sound || ((followed || followerOptional) && leads.startAt(text, p));
        }
    }

    /** Folded terms by their first character, for a test of whether one starts at a position. */
    private static final class Terms {
        private final char[] firsts;
        private final String[][] byFirst;

        private Terms(char[] firsts, String[][] byFirst) {
            this.firsts = firsts;
            this.byFirst = byFirst;
        }

        static Terms of(Collection<String> terms) {
            TreeMap<Character, List<String>> grouped = new TreeMap<>();
            for (String term : terms) {
                String f = TermSet.fold(term);
                if (!f.isEmpty()) {
                    grouped.computeIfAbsent(f.charAt(0), c -> new ArrayList<>()).add(f);
                }
            }
            char[] firsts = new char[grouped.size()];
            String[][] byFirst = new String[grouped.size()][];
            int k = 0;
            for (Map.Entry<Character, List<String>> e : grouped.entrySet()) {
                firsts[k] = e.getKey();
                byFirst[k++] = e.getValue().toArray(String[]::new);
            }
            return new Terms(firsts, byFirst);
        }

        boolean startAt(String text, int q) {
            if (q >= text.length()) {
                return false;
            }
            int k = Arrays.binarySearch(firsts, text.charAt(q));
            if (k < 0) {
                return false;
            }
            for (String term : byFirst[k]) {
                if (text.startsWith(term, q)) {
                    return true;
                }
            }
            return false;
        }

        boolean noneStartWith(CharPredicate p) {
            for (char c : firsts) {
                if (p.test(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    @FunctionalInterface
    private interface CharPredicate {
        boolean test(char c);
    }

    /** The characters {@code \s} matches in a pattern without {@code UNICODE_CHARACTER_CLASS}. */
    private static boolean isPatternSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isDigit(char c) {
        return (c >= '0' && c <= '9')
                || (c >= '\u0660' && c <= '\u0669')
                || (c >= '\u06F0' && c <= '\u06F9');
    }

    /** Parses Latin or Arabic-Indic digits with an optional decimal point and separators. */
    static double parse(String number) {
        StringBuilder sb = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == '.' || c == '\u066B') {
                sb.append('.');
            } else if (c != ',') {
                sb.append(Character.forDigit(Character.digit(c, 10), 10));
            }
        }
        return Double.parseDouble(sb.toString());
    }
}
