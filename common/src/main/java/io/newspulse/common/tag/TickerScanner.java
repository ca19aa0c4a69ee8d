package io.newspulse.common.tag;

import io.newspulse.common.kb.Entity;
import io.newspulse.common.kb.EntityType;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.kb.Tickers;
import io.newspulse.common.text.NormalizedText;
import io.newspulse.common.text.WorkMeter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds ticker symbols and numeric security codes in normalised (lower-cased) text.
 *
 * <p>Forms: cashtags ({@code $NVDA}), exchange prefixes ({@code (NASDAQ: NVDA)}), Reuters and Yahoo
 * suffixes ({@code NVDA.O}, {@code 0700.HK}, {@code 600519.SH}), glued codes ({@code 000402SZ},
 * {@code sh600519}), numeric codes in a code context (in brackets, after the name, or after a word
 * such as 代码 or ETF) and bare capitalised US symbols with company context, never a letter or word
 * of a hyphenated compound or dotted abbreviation ("YEAR-ON-YEAR", "U.K.").
 */
final class TickerScanner {
    private static final Pattern CASHTAG =
            Pattern.compile("\\$([a-z]{1,5}(?:[.-][a-z]{1,2})?)(?![a-z0-9])");
    private static final Pattern EXCHANGE_PREFIX =
            Pattern.compile(
                    "(?<![a-z])(nasdaq|nyse american|nyse|amex|otc|hkex|sehk|hkse|tse|tyo|twse"
                            + "|krx|tadawul|sse|szse)\\s?:\\s?([a-z0-9]{1,6}(?:[.-][a-z]{1,2})?)"
                            + "(?![a-z0-9])");
    private static final Map<String, String> EXCHANGE_SUFFIX =
            Map.ofEntries(
                    Map.entry("nasdaq", "US"),
                    Map.entry("nyse", "US"),
                    Map.entry("nyse american", "US"),
                    Map.entry("amex", "US"),
                    Map.entry("otc", "US"),
                    Map.entry("hkex", "HK"),
                    Map.entry("sehk", "HK"),
                    Map.entry("hkse", "HK"),
                    Map.entry("tse", "T"),
                    Map.entry("tyo", "T"),
                    Map.entry("twse", "TW"),
                    Map.entry("krx", "KS"),
                    Map.entry("tadawul", "SR"),
                    Map.entry("sse", "SS"),
                    Map.entry("szse", "SZ"));
    private static final Set<String> CODE_SUFFIXES =
            Set.of("ss", "sh", "sz", "bj", "hk", "tw", "two", "ks", "kq", "t", "sr");

    /** Reuters instrument-code suffixes of US listings: NVDA.O, JPM.N. */
    private static final Set<String> RIC_US = Set.of("o", "oq", "n", "a", "k", "p");

    /** 1 for ASCII lower-case letters, 2 for ASCII digits (the token characters), else 0. */
    private static final byte[] ALNUM = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ALNUM[c] = 1;
        }
        for (char c = '0'; c <= '9'; c++) {
            ALNUM[c] = 2;
        }
    }

    /** Length of the longest suffix above. */
    private static final int MAX_SUFFIX = 3;

    /** Longest cashtag: '$', five letters, a class suffix such as ".b". */
    private static final int CASHTAG_MAX = 9;

    /** Longest exchange name, with a space, before the ':' of an exchange prefix. */
    private static final int EXCHANGE_BEFORE_COLON = 14;

    /** End of the longest code after the ':' (space, six characters, class suffix). */
    private static final int CODE_AFTER_COLON = 12;

    private final Map<String, List<String>> owners = new HashMap<>();
    private final Map<String, List<String>> codes = new HashMap<>();
    private final Map<String, Entity> entities = new HashMap<>();
    private final TaggerRules rules;
    private final ContextRules context;
    private final Map<String, Integer> entityIndex;

    TickerScanner(
            KnowledgeBase kb,
            TaggerRules rules,
            ContextRules context,
            Map<String, Integer> entityIndex) {
        this.rules = rules;
        this.context = context;
        this.entityIndex = entityIndex;
        for (Entity e : kb.entities()) {
            entities.put(e.id(), e);
            for (String t : e.tickers()) {
                owners.computeIfAbsent(t, k -> new ArrayList<>()).add(e.id());
                String code = Tickers.code(t);
                if (!t.startsWith("^") && code.chars().allMatch(Character::isDigit)) {
                    codes.computeIfAbsent(code, k -> new ArrayList<>()).add(t);
                }
            }
        }
    }

    /**
     * Appends the ticker and code mentions of {@code text} to {@code out}.
     *
     * @param t the characters of {@code text.text()}
     * @param names the dictionary hits, for codes that follow a name of their entity
     * @param strong entities named unambiguously in the document, by entity index
     */
    void scan(
            NormalizedText text,
            char[] t,
            BitSet excluded,
            EntityTagger.Candidates names,
            BitSet strong,
            List<Mention> out,
            WorkMeter meter) {
        String s = text.text();
        int n = s.length();
        meter.charge(3L * n); // the '$' and ':' searches and the token walk
        int dollar = s.indexOf('$');
        if (dollar >= 0) {
            // Every match starts at a '$' and is at most 9 characters long: try the regex at each
            // '$' only, with transparent bounds so that the look-ahead sees past the region.
            Matcher m = CASHTAG.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
            for (int p = dollar; p >= 0; p = s.indexOf('$', p)) {
                m.region(p, Math.min(n, p + CASHTAG_MAX));
                if (m.lookingAt()) {
                    String symbol = m.group(1).toUpperCase(Locale.ROOT).replace('.', '-');
                    emit(text, excluded, m.start(), m.end(), symbol, "ticker", 0.95, out);
                    p = m.end();
                } else {
                    p++;
                }
            }
        }
        int colon = s.indexOf(':');
        if (colon >= 0) {
            // Every match holds a ':' with the exchange at most 14 characters before it and the
            // code at most 11 after it: search only around each ':'.
            Matcher m =
                    EXCHANGE_PREFIX.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
            int from = 0;
            for (int p = colon; p >= 0; p = s.indexOf(':', Math.max(p + 1, from))) {
                m.region(
                        Math.max(from, p - EXCHANGE_BEFORE_COLON),
                        Math.min(n, p + CODE_AFTER_COLON));
                if (m.find()) {
                    String suffix = EXCHANGE_SUFFIX.get(m.group(1));
                    String code = m.group(2);
                    String ticker =
                            suffix.equals("US")
                                    ? code.toUpperCase(Locale.ROOT).replace('.', '-')
                                    : Tickers.canonical(code, suffix);
                    emit(text, excluded, m.start(), m.end(), ticker, "ticker", 0.95, out);
                    from = m.end();
                }
            }
        }
        scanTokens(text, t, excluded, names, strong, out);
    }

    /**
     * One pass over ASCII letter-digit runs for suffixed, glued, numeric and bare forms. Tokens are
     * judged on their index range; only real candidates become strings.
     */
    private void scanTokens(
            NormalizedText text,
            char[] t,
            BitSet excluded,
            EntityTagger.Candidates names,
            BitSet strong,
            List<Mention> out) {
        String s = text.text();
        int n = t.length;
        int i = 0;
        while (i < n) {
            char first = t[i];
            if (first >= 128 || ALNUM[first] == 0) {
                i++;
                continue;
            }
            int ts = i;
            int digits = 0;
            while (i < n) {
                char c = t[i];
                int kind = c < 128 ? ALNUM[c] : 0;
                if (kind == 0) {
                    break;
                }
                digits += kind >> 1;
                i++;
            }
            int te = i;
            int length = te - ts;
            if (ts > 0 && t[ts - 1] == '$') {
                continue;
            }
            // Only these can become a mention: a token before '.', a glued code (8 characters), a
            // code of 4 to 6 digits or a symbol of 2 to 5 letters.
            boolean dot = te < n && t[te] == '.';
            boolean allDigits = digits == length;
            boolean allLetters = digits == 0;
            if (!dot
                    && length != 8
                    && !(allDigits && length >= 4 && length <= 6)
                    && !(allLetters && length >= 2 && length <= 5)) {
                continue;
            }
            if (excluded.get(ts)) {
                continue;
            }
            if (dot) {
                int suffixEnd = suffixEnd(s, te);
                if (suffixEnd > 0) {
                    if (suffixed(text, excluded, ts, te, suffixEnd, out)) {
                        i = suffixEnd;
                    }
                    continue;
                }
                if (te + 1 < n && Character.isDigit(s.charAt(te + 1))) {
                    continue; // a decimal number
                }
            }
            if (length == 8) {
                glued(text, excluded, ts, te, out);
                continue;
            }
            if (allDigits) {
                numericCode(text, t, ts, te, names, strong, out);
            } else if (allLetters && length >= 2 && length <= 5) {
                bareSymbol(text, t, ts, te, strong, out);
            }
        }
    }

    /** End of a ".suffix" right after a token, or -1. */
    private static int suffixEnd(String s, int te) {
        if (te + 1 >= s.length() || s.charAt(te) != '.') {
            return -1;
        }
        int j = te + 1;
        while (j < s.length() && isAsciiLetter(s.charAt(j))) {
            j++;
        }
        if (j == te + 1 || (j < s.length() && Character.isDigit(s.charAt(j)))) {
            return -1;
        }
        int length = j - te - 1;
        if (length > MAX_SUFFIX) {
            return -1;
        }
        String suffix = s.substring(te + 1, j);
        return CODE_SUFFIXES.contains(suffix) || RIC_US.contains(suffix) ? j : -1;
    }

    private boolean suffixed(
            NormalizedText text, BitSet excluded, int ts, int te, int se, List<Mention> out) {
        String s = text.text();
        String code = s.substring(ts, te);
        String suffix = s.substring(te + 1, se);
        String ticker;
        if (RIC_US.contains(suffix)) {
            if (!isLetters(code)
                    || !Boundaries.originalAllCaps(text, ts, te)
                    || isDottedAbbreviation(s, ts, te, se)) {
                return false;
            }
            ticker = code.toUpperCase(Locale.ROOT);
        } else {
            if (suffix.equals("hk") && !isDigits(code)) {
                return false;
            }
            ticker = Tickers.canonical(code, suffix);
        }
        return emit(text, excluded, ts, se, ticker, "ticker", 0.95, out);
    }

    /**
     * Whether a one-letter code and its one-letter suffix are letters of a dotted abbreviation
     * ("U.K.", "U.N.", "the U.S.A."), not a Reuters instrument code.
     */
    private static boolean isDottedAbbreviation(String s, int ts, int te, int se) {
        if (te - ts != 1 || se - te != 2) {
            return false;
        }
        boolean dotAfter = se < s.length() && s.charAt(se) == '.';
        boolean letterDotBefore =
                ts >= 2 && s.charAt(ts - 1) == '.' && isAsciiLetter(s.charAt(ts - 2));
        return dotAfter || letterDotBefore;
    }

    /**
     * Whether the token is glued by a hyphen or a dot to another word: part of a compound
     * ("YEAR-ON-YEAR", "ONE-TIME") or of a dotted abbreviation, never a symbol by itself.
     */
    private static boolean inCompound(String s, int ts, int te) {
        boolean before =
                ts >= 2
                        && (s.charAt(ts - 1) == '-' || s.charAt(ts - 1) == '.')
                        && isAsciiLetter(s.charAt(ts - 2));
        boolean after =
                te + 1 < s.length()
                        && (s.charAt(te) == '-' || s.charAt(te) == '.')
                        && isAsciiLetter(s.charAt(te + 1));
        return before || after;
    }

    /** {@code 000402sz} (a code glued to its exchange) and {@code sh600519}: 8 characters. */
    private boolean glued(NormalizedText text, BitSet excluded, int ts, int te, List<Mention> out) {
        String s = text.text();
        if (isDigits(s, ts, ts + 6) && isExchange(s, ts + 6, true)) {
            String tail = s.substring(ts + 6, te);
            return emit(
                    text,
                    excluded,
                    ts,
                    te,
                    Tickers.canonical(s.substring(ts, ts + 6), tail),
                    "ticker",
                    0.9,
                    out);
        }
        if (isDigits(s, ts + 2, te) && isExchange(s, ts, false)) {
            String head = s.substring(ts, ts + 2);
            return emit(
                    text,
                    excluded,
                    ts,
                    te,
                    Tickers.canonical(s.substring(ts + 2, te), head),
                    "ticker",
                    0.9,
                    out);
        }
        return false;
    }

    /**
     * Whether {@code s} has a glued exchange at {@code i}: sz, sh, bj, and after the code also ss.
     */
    private static boolean isExchange(String s, int i, boolean tail) {
        char a = s.charAt(i);
        char b = s.charAt(i + 1);
        return (a == 's' && (b == 'z' || b == 'h' || (tail && b == 's'))) || (a == 'b' && b == 'j');
    }

    private void numericCode(
            NormalizedText text,
            char[] t,
            int ts,
            int te,
            EntityTagger.Candidates names,
            BitSet strong,
            List<Mention> out) {
        int length = te - ts;
        if (length < 4 || length > 6) {
            return;
        }
        String s = text.text();
        char after = te < s.length() ? s.charAt(te) : ' ';
        if (after == '%' || after == ',' || after == '年' || after == '亿' || after == '万') {
            return;
        }
        String token = s.substring(ts, te);
        List<String> tickers = codes.get(token);
        if (token.length() == 5 && token.charAt(0) == '0') {
            // 00700 is Tencent's HKEX code as well as, say, a Taiwan ETF's: keep both readings.
            List<String> hk = codes.get(Tickers.hongKongCode(token));
            if (hk != null) {
                tickers = tickers == null ? hk : concat(tickers, hk);
            }
        }
        if (tickers == null) {
            return;
        }
        String named = namedJustBefore(s, ts, names, tickers);
        if (named != null) {
            emitFor(text, ts, te, named, token, "code", 0.95, out);
            return;
        }
        if (length == 4 && looksLikeYear(s, ts)) {
            // (2020) is a year far more often than Saudi, Taiwan or Tokyo code 2020.
            return;
        }
        boolean bracketed = bracketed(s, ts, te);
        if (!bracketed && !context.codeContextBefore(t, ts)) {
            return;
        }
        String owner = soleOrSupported(tickers, strong);
        if (owner == null) {
            return;
        }
        int generic = bracketed ? fundNameJustBefore(s, ts, names, owner) : -1;
        if (generic >= 0) {
            // "芯片ETF(159801)": the code names the fund; a product name before it that the
            // knowledge base gives to another fund is overridden by one mention over both.
            emitFor(text, generic, te, owner, token, "code", 0.9, out);
            return;
        }
        emitFor(text, ts, te, owner, token, "code", bracketed ? 0.85 : 0.8, out);
    }

    /**
     * Start of a fund or index name that ends right before the code and names only other funds or
     * indices than {@code owner} (itself a fund or index), or -1.
     */
    private int fundNameJustBefore(String s, int ts, EntityTagger.Candidates names, String owner) {
        if (!isFundOrIndex(owner)) {
            return -1;
        }
        int lo = nameEndLimit(s, ts);
        int start = -1;
        for (int k = firstEndingAt(names, lo); k < names.size && names.ends[k] <= ts; k++) {
            for (AliasEntry a : names.keys[k].entries) {
                if (!isFundOrIndex(a.entityId())) {
                    return -1;
                }
            }
            if (start < 0 || names.begins[k] < start) {
                start = names.begins[k];
            }
        }
        return start;
    }

    private boolean isFundOrIndex(String id) {
        Entity e = entities.get(id);
        return e != null && (e.type() == EntityType.ETF || e.type() == EntityType.INDEX);
    }

    /** Lowest end of a name that counts as right before the code at {@code ts}. */
    private static int nameEndLimit(String s, int ts) {
        int lo = ts;
        while (lo > 0 && ts - lo < 3 && (s.charAt(lo - 1) == ' ' || s.charAt(lo - 1) == '(')) {
            lo--;
        }
        return lo;
    }

    /** A token of 2 to 5 letters, all capitals in the original. */
    private void bareSymbol(
            NormalizedText text, char[] t, int ts, int te, BitSet strong, List<Mention> out) {
        // Most tokens are ordinary lower-case words: check the original before any lookup.
        if (!Boundaries.originalAllCaps(text, ts, te) || inCompound(text.text(), ts, te)) {
            return;
        }
        String symbol = text.text().substring(ts, te).toUpperCase(Locale.ROOT);
        List<String> ids = owners.get(symbol);
        if (ids == null || rules.notBareTickers.contains(symbol)) {
            return;
        }
        String id = ids.get(0);
        int entity = entityIndex.get(id);
        boolean supported =
                strong.get(entity)
                        || (te - ts >= 3 && context.companyContext(t, ts, te, entity, null));
        if (supported) {
            emitFor(text, ts, te, id, symbol, "ticker", 0.7, out);
        }
    }

    /** An entity owning one of {@code tickers} whose name ends right before the code. */
    private String namedJustBefore(
            String s, int ts, EntityTagger.Candidates names, List<String> tickers) {
        int lo = nameEndLimit(s, ts);
        // The hits come in order of their ends: start at the first that can end at lo.
        int k = firstEndingAt(names, lo);
        for (; k < names.size && names.ends[k] <= ts; k++) {
            for (AliasEntry a : names.keys[k].entries) {
                for (String t : tickers) {
                    if (owners.getOrDefault(t, List.of()).contains(a.entityId())) {
                        return a.entityId();
                    }
                }
            }
        }
        return null;
    }

    /** Index of the first name hit ending at or after {@code pos}. */
    private static int firstEndingAt(EntityTagger.Candidates names, int pos) {
        int lo = 0;
        int hi = names.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (names.ends[mid] < pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private String soleOrSupported(List<String> tickers, BitSet strong) {
        List<String> ids = new ArrayList<>();
        for (String t : tickers) {
            for (String id : owners.getOrDefault(t, List.of())) {
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        if (ids.size() == 1) {
            return ids.get(0);
        }
        String supported = null;
        for (String id : ids) {
            if (strong.get(entityIndex.get(id))) {
                if (supported != null) {
                    return null;
                }
                supported = id;
            }
        }
        return supported;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static boolean looksLikeYear(String s, int ts) {
        char c0 = s.charAt(ts);
        char c1 = s.charAt(ts + 1);
        return (c0 == '1' && c1 == '9') || (c0 == '2' && c1 == '0');
    }

    private static boolean bracketed(String s, int ts, int te) {
        int l = ts - 1;
        while (l >= 0 && s.charAt(l) == ' ') {
            l--;
        }
        int r = te;
        while (r < s.length() && s.charAt(r) == ' ') {
            r++;
        }
        return l >= 0 && s.charAt(l) == '(' && r < s.length() && s.charAt(r) == ')';
    }

    private boolean emit(
            NormalizedText text,
            BitSet excluded,
            int begin,
            int end,
            String ticker,
            String rule,
            double confidence,
            List<Mention> out) {
        List<String> ids = owners.get(ticker);
        if (ids == null || excluded.get(begin)) {
            return false;
        }
        emitFor(text, begin, end, ids.get(0), ticker, rule, confidence, out);
        return true;
    }

    private static void emitFor(
            NormalizedText text,
            int begin,
            int end,
            String id,
            String alias,
            String rule,
            double confidence,
            List<Mention> out) {
        int start = text.originalStart(begin);
        int stop = text.originalEnd(end);
        out.add(
                new Mention(
                        id,
                        alias,
                        start,
                        stop,
                        begin,
                        end,
                        text.original().substring(start, stop),
                        rule,
                        confidence));
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return from < to;
    }

    private static boolean isLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isAsciiLetter(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
