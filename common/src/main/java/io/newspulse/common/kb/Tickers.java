package io.newspulse.common.kb;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Yahoo-style ticker symbols: bare US symbols ({@code NVDA}, {@code BRK-B}), exchange codes with a
 * suffix ({@code 600519.SS}, {@code 0700.HK}, {@code 7203.T}) and caret index symbols ({@code
 * ^GSPC}).
 */
public final class Tickers {
    private static final Pattern US = Pattern.compile("[A-Z]{1,5}(-[A-Z]{1,2})?");
    private static final Pattern CARET = Pattern.compile("\\^[A-Z0-9][A-Z0-9.\\-]{0,11}");
    private static final Pattern EUROPE_ETC = Pattern.compile("[A-Z0-9][A-Z0-9\\-]{0,11}");

    /** Code pattern per exchange suffix. */
    private static final Map<String, Pattern> BY_SUFFIX =
            Map.ofEntries(
                    Map.entry("SS", Pattern.compile("[0-9]{6}")),
                    Map.entry("SZ", Pattern.compile("[0-9]{6}")),
                    Map.entry("BJ", Pattern.compile("[0-9]{6}")),
                    Map.entry("HK", Pattern.compile("[0-9]{4,5}")),
                    Map.entry("TW", Pattern.compile("[0-9]{4,6}[A-Z]?")),
                    Map.entry("TWO", Pattern.compile("[0-9]{4,6}[A-Z]?")),
                    Map.entry("KS", Pattern.compile("[0-9]{6}")),
                    Map.entry("KQ", Pattern.compile("[0-9]{6}")),
                    Map.entry("T", Pattern.compile("[0-9]{3}[0-9A-Z]")),
                    Map.entry("SR", Pattern.compile("[0-9]{4}")));

    private static final Set<String> OTHER_SUFFIXES =
            Set.of(
                    "L", "PA", "DE", "AS", "SW", "MI", "MC", "ST", "CO", "HE", "TO", "AX", "NS",
                    "SI", "BR", "OL", "VI", "LS", "IR", "F", "BO", "JK", "KL", "BK", "SA", "MX",
                    "NZ", "AD", "DU", "QA", "CA", "KW");

    private Tickers() {}

    /** Whether {@code ticker} is a well-formed symbol in the knowledge-base convention. */
    public static boolean isWellFormed(String ticker) {
        if (ticker == null || ticker.isEmpty() || !ticker.equals(ticker.trim())) {
            return false;
        }
        if (ticker.startsWith("^")) {
            return CARET.matcher(ticker).matches();
        }
        int dot = ticker.lastIndexOf('.');
        if (dot < 0) {
            return US.matcher(ticker).matches();
        }
        String code = ticker.substring(0, dot);
        String suffix = ticker.substring(dot + 1);
        Pattern p = BY_SUFFIX.get(suffix);
        if (p != null) {
            return p.matcher(code).matches();
        }
        return OTHER_SUFFIXES.contains(suffix) && EUROPE_ETC.matcher(code).matches();
    }

    /**
     * The exchange suffix of a ticker ({@code SS}, {@code HK} ...), or {@code US} for bare ones.
     */
    public static String suffix(String ticker) {
        if (ticker.startsWith("^")) {
            return "INDEX";
        }
        int dot = ticker.lastIndexOf('.');
        return dot < 0 ? "US" : ticker.substring(dot + 1);
    }

    /** The code part of a ticker: {@code 600519} for {@code 600519.SS}. */
    public static String code(String ticker) {
        if (ticker.startsWith("^")) {
            return ticker.substring(1);
        }
        int dot = ticker.lastIndexOf('.');
        return dot < 0 ? ticker : ticker.substring(0, dot);
    }

    /**
     * Canonical form of a symbol seen in text: upper case, Shanghai {@code .SH} as {@code .SS},
     * Hong Kong codes zero-padded or trimmed to four digits ({@code 00700.HK} to {@code 0700.HK}).
     */
    public static String canonical(String code, String suffix) {
        String s = suffix.toUpperCase(Locale.ROOT);
        String c = code.toUpperCase(Locale.ROOT);
        if (s.equals("SH")) {
            s = "SS";
        }
        if (s.equals("HK")) {
            c = hongKongCode(c);
        }
        return c + "." + s;
    }

    /**
     * Four-digit Hong Kong code from 1 to 5 digits ({@code 700}, {@code 00700} to {@code 0700}).
     */
    public static String hongKongCode(String digits) {
        String c = digits;
        while (c.length() > 4 && c.charAt(0) == '0') {
            c = c.substring(1);
        }
        while (c.length() < 4) {
            c = "0" + c;
        }
        return c;
    }
}
