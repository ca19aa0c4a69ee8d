package io.newspulse.common.tag;

import io.newspulse.common.kb.Entity;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.kb.Tickers;
import io.newspulse.common.text.NormalizedText;
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
 * such as 代码 or ETF) and bare capitalised US symbols with company context.
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

    private final Map<String, List<String>> owners = new HashMap<>();
    private final Map<String, List<String>> codes = new HashMap<>();
    private final Map<String, Entity> entities = new HashMap<>();
    private final TaggerRules rules;
    private final ContextRules context;

    TickerScanner(KnowledgeBase kb, TaggerRules rules, ContextRules context) {
        this.rules = rules;
        this.context = context;
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

    List<Mention> scan(
            NormalizedText text,
            BitSet excluded,
            List<EntityTagger.Candidate> names,
            Set<String> strong) {
        String s = text.text();
        List<Mention> out = new ArrayList<>();
        if (s.indexOf('$') >= 0) {
            Matcher m = CASHTAG.matcher(s);
            while (m.find()) {
                String symbol = m.group(1).toUpperCase(Locale.ROOT).replace('.', '-');
                emit(text, excluded, m.start(), m.end(), symbol, "ticker", 0.95, out);
            }
        }
        if (s.indexOf(':') >= 0) {
            Matcher m = EXCHANGE_PREFIX.matcher(s);
            while (m.find()) {
                String suffix = EXCHANGE_SUFFIX.get(m.group(1));
                String code = m.group(2);
                String ticker =
                        suffix.equals("US")
                                ? code.toUpperCase(Locale.ROOT).replace('.', '-')
                                : Tickers.canonical(code, suffix);
                emit(text, excluded, m.start(), m.end(), ticker, "ticker", 0.95, out);
            }
        }
        scanTokens(text, excluded, names, strong, out);
        return out;
    }

    /** One pass over ASCII letter-digit runs for suffixed, glued, numeric and bare forms. */
    private void scanTokens(
            NormalizedText text,
            BitSet excluded,
            List<EntityTagger.Candidate> names,
            Set<String> strong,
            List<Mention> out) {
        String s = text.text();
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!isAsciiAlnum(s.charAt(i))) {
                i++;
                continue;
            }
            int ts = i;
            while (i < n && isAsciiAlnum(s.charAt(i))) {
                i++;
            }
            int te = i;
            if (ts > 0 && (isAsciiAlnum(s.charAt(ts - 1)) || s.charAt(ts - 1) == '$')) {
                continue;
            }
            if (excluded.get(ts)) {
                continue;
            }
            int suffixEnd = suffixEnd(s, te);
            if (suffixEnd > 0) {
                if (suffixed(text, excluded, ts, te, suffixEnd, out)) {
                    i = suffixEnd;
                }
                continue;
            }
            if (te < n
                    && s.charAt(te) == '.'
                    && te + 1 < n
                    && Character.isDigit(s.charAt(te + 1))) {
                continue; // a decimal number
            }
            String token = s.substring(ts, te);
            if (glued(text, excluded, ts, te, token, out)) {
                continue;
            }
            if (isDigits(token)) {
                numericCode(text, excluded, ts, te, token, names, strong, out);
            } else if (isLetters(token) && token.length() >= 2 && token.length() <= 5) {
                bareSymbol(text, excluded, ts, te, token, strong, out);
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
            if (!isLetters(code) || !Boundaries.originalAllCaps(text, ts, te)) {
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

    /** {@code 000402sz} (a code glued to its exchange) and {@code sh600519}. */
    private boolean glued(
            NormalizedText text, BitSet excluded, int ts, int te, String token, List<Mention> out) {
        if (token.length() != 8) {
            return false;
        }
        String head = token.substring(0, 2);
        String tail = token.substring(6);
        if (isDigits(token.substring(0, 6))
                && (tail.equals("sz")
                        || tail.equals("sh")
                        || tail.equals("ss")
                        || tail.equals("bj"))) {
            return emit(
                    text,
                    excluded,
                    ts,
                    te,
                    Tickers.canonical(token.substring(0, 6), tail),
                    "ticker",
                    0.9,
                    out);
        }
        if (isDigits(token.substring(2))
                && (head.equals("sz") || head.equals("sh") || head.equals("bj"))) {
            return emit(
                    text,
                    excluded,
                    ts,
                    te,
                    Tickers.canonical(token.substring(2), head),
                    "ticker",
                    0.9,
                    out);
        }
        return false;
    }

    private void numericCode(
            NormalizedText text,
            BitSet excluded,
            int ts,
            int te,
            String token,
            List<EntityTagger.Candidate> names,
            Set<String> strong,
            List<Mention> out) {
        if (token.length() < 4 || token.length() > 6) {
            return;
        }
        String s = text.text();
        char after = te < s.length() ? s.charAt(te) : ' ';
        if (after == '%' || after == ',' || after == '年' || after == '亿' || after == '万') {
            return;
        }
        List<String> tickers = codes.get(token);
        if (tickers == null && token.length() == 5 && token.charAt(0) == '0') {
            tickers = codes.get(Tickers.hongKongCode(token));
        }
        if (tickers == null) {
            return;
        }
        String named = namedJustBefore(s, ts, names, tickers);
        if (named != null) {
            emitFor(text, ts, te, named, token, "code", 0.95, out);
            return;
        }
        boolean bracketed = bracketed(s, ts, te);
        if (!bracketed && !context.codeContextBefore(s, ts)) {
            return;
        }
        String owner = soleOrSupported(tickers, strong);
        if (owner != null) {
            emitFor(text, ts, te, owner, token, "code", bracketed ? 0.85 : 0.8, out);
        }
    }

    private void bareSymbol(
            NormalizedText text,
            BitSet excluded,
            int ts,
            int te,
            String token,
            Set<String> strong,
            List<Mention> out) {
        String symbol = token.toUpperCase(Locale.ROOT);
        List<String> ids = owners.get(symbol);
        if (ids == null
                || rules.notBareTickers.contains(symbol)
                || !Boundaries.originalAllCaps(text, ts, te)) {
            return;
        }
        String id = ids.get(0);
        boolean supported =
                strong.contains(id)
                        || (token.length() >= 3
                                && context.companyContext(text.text(), ts, te, id, Set.of()));
        if (supported) {
            emitFor(text, ts, te, id, symbol, "ticker", 0.7, out);
        }
    }

    /** An entity owning one of {@code tickers} whose name ends right before the code. */
    private String namedJustBefore(
            String s, int ts, List<EntityTagger.Candidate> names, List<String> tickers) {
        int lo = ts;
        while (lo > 0 && ts - lo < 3 && (s.charAt(lo - 1) == ' ' || s.charAt(lo - 1) == '(')) {
            lo--;
        }
        for (EntityTagger.Candidate c : names) {
            if (c.end >= lo && c.end <= ts) {
                for (AliasEntry a : c.entries) {
                    for (String t : tickers) {
                        if (owners.getOrDefault(t, List.of()).contains(a.entityId())) {
                            return a.entityId();
                        }
                    }
                }
            }
        }
        return null;
    }

    private String soleOrSupported(List<String> tickers, Set<String> strong) {
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
            if (strong.contains(id)) {
                if (supported != null) {
                    return null;
                }
                supported = id;
            }
        }
        return supported;
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

    private static boolean isAsciiAlnum(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
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

    private static boolean isLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isAsciiLetter(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
