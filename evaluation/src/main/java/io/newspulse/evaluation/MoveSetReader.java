package io.newspulse.evaluation;

import io.newspulse.common.moves.MarketMove;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the labelled move sets ({@code newspulse/<set>/<language>.tsv} on the classpath, kept in
 * {@code evaluation/src/main/resources}): {@link #TUNING}, the set the grammar rules were developed
 * against, and {@link #HELD_OUT}, sentences written apart from the rules and never used to tune
 * them. One sentence a line, three tab-separated columns:
 *
 * <pre>
 * sentence &lt;TAB&gt; moves &lt;TAB&gt; non-move figures
 * </pre>
 *
 * <ul>
 *   <li><b>moves</b>: every price move the sentence reports, separated by {@code ;}. A move is
 *       {@code SUBJECT SIGN FIGURE [POINTS] [limit] [market_cap]}: the subject is an entity id, or
 *       {@code ?} and the subject's text when the knowledge base does not know it; the sign is
 *       {@code +} or {@code -}; the figure is a percent ({@code 2.1%}) or {@code limit} for a limit
 *       move given without a figure; {@code 120pt} gives index points alongside the percent; {@code
 *       limit} after a percent marks a limit move that states its limit (20%涨停). Example: {@code
 *       tencent +2.1%; ?Gulf Cable -3%; index.dow-jones -0.45% 120pt}.
 *   <li><b>non-move figures</b>: comma-separated kinds of the other figures in the sentence, from
 *       {@link #NON_MOVE_KINDS}; empty when there are none.
 * </ul>
 *
 * Lines starting with {@code #} and blank lines are skipped. A malformed line fails the read with
 * its line number.
 */
public final class MoveSetReader {
    /** The set the move grammar was developed against. */
    public static final String TUNING = "moves";

    /** Sentences written apart from the move grammar and never used to tune it. */
    public static final String HELD_OUT = "moves-heldout";

    /** The shipped sets, in report order. */
    public static final List<String> SETS = List.of(TUNING, HELD_OUT);

    /** Languages of the set, in report order. */
    public static final List<String> LANGUAGES = List.of("zh-Hans", "zh-Hant", "ar", "en");

    /** Kinds of figures that are not price moves. */
    public static final Set<String> NON_MOVE_KINDS =
            Set.of(
                    "sales",
                    "profit",
                    "revenue",
                    "output",
                    "forecast",
                    "target",
                    "stake",
                    "weight",
                    "premium",
                    "growth",
                    "yield",
                    "turnover",
                    "trade",
                    "volume",
                    "rate");

    private static final Pattern MOVE =
            Pattern.compile(
                    "(\\S.*?)\\s+([+-])(\\d+(?:\\.\\d+)?%|limit)"
                            + "((?:\\s+(?:\\d+(?:\\.\\d+)?pt|limit|market_cap))*)");

    private MoveSetReader() {}

    /** The sentences of one language of the tuning set. */
    public static List<MoveSentence> shipped(String language) {
        return shipped(TUNING, language);
    }

    /** The sentences of one language of the shipped set {@code set} (one of {@link #SETS}). */
    public static List<MoveSentence> shipped(String set, String language) {
        return LabelledSets.shipped(
                set, language, "move", (n, cols) -> sentence(n, cols, language));
    }

    /** Reads a set in the format above. */
    public static List<MoveSentence> read(Reader reader, String language) throws IOException {
        return LabelledSets.read(reader, (n, cols) -> sentence(n, cols, language));
    }

    private static MoveSentence sentence(int n, String[] cols, String language) {
        if (cols.length < 2 || cols.length > 3 || cols[0].isBlank()) {
            throw new IllegalArgumentException(
                    "line " + n + ": expected sentence, moves and non-move figures");
        }
        return new MoveSentence(
                n,
                language,
                cols[0].strip(),
                moves(cols[1], n),
                kinds(cols.length == 3 ? cols[2] : "", n));
    }

    private static List<LabelledMove> moves(String column, int line) {
        List<LabelledMove> out = new ArrayList<>();
        for (String part : column.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            Matcher m = MOVE.matcher(p);
            if (!m.matches()) {
                throw new IllegalArgumentException("line " + line + ": bad move '" + p + "'");
            }
            String subject = m.group(1).strip();
            boolean resolved = !subject.startsWith("?");
            String figure = m.group(3);
            String tail = m.group(4);
            Double points = null;
            for (String t : tail.strip().split("\\s+")) {
                if (t.endsWith("pt")) {
                    points = Double.valueOf(t.substring(0, t.length() - 2));
                }
            }
            boolean limitTag = tail.contains("limit");
            out.add(
                    new LabelledMove(
                            resolved ? subject : subject.substring(1).strip(),
                            resolved,
                            m.group(2).equals("+")
                                    ? MarketMove.Direction.UP
                                    : MarketMove.Direction.DOWN,
                            figure.equals("limit")
                                    ? null
                                    : Double.valueOf(figure.substring(0, figure.length() - 1)),
                            points,
                            figure.equals("limit") || limitTag,
                            tail.contains("market_cap")
                                    ? MarketMove.Kind.MARKET_CAP
                                    : MarketMove.Kind.PRICE));
        }
        return List.copyOf(out);
    }

    private static Set<String> kinds(String column, int line) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : column.split(",")) {
            String kind = k.strip();
            if (kind.isEmpty()) {
                continue;
            }
            if (!NON_MOVE_KINDS.contains(kind)) {
                throw new IllegalArgumentException(
                        "line " + line + ": unknown non-move kind '" + kind + "'");
            }
            out.add(kind);
        }
        return Collections.unmodifiableSet(out);
    }

    /** A figure without a trailing {@code .0}. */
    static String figure(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
