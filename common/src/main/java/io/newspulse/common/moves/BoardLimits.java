package io.newspulse.common.moves;

import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The daily price limit a limit-up or limit-down report (涨停, 跌停, الحد الأعلى) implies, from the
 * boards an entity is listed on, where that limit is known and the same for every limited board the
 * entity trades on. Mainland China: main boards 10 %, risk-warning (ST) shares 5 %, ChiNext ({@code
 * 300}/{@code 301} on Shenzhen) and STAR ({@code 688}/{@code 689} on Shanghai) 20 %, the Beijing
 * exchange 30 %; Taiwan (TWSE and TPEx) 10 %; Saudi Arabia (Tadawul) 10 %. Boards without a daily
 * limit (Hong Kong, the US) or with one that depends on the price (Japan) imply nothing, and
 * neither does a name listed on two limited boards with different limits.
 */
public final class BoardLimits {
    /** {@code ST} or {@code *ST} as a token of its own: "ST华铁", "*ST Tianmao", not "Steel". */
    private static final Pattern RISK_WARNING = Pattern.compile("(?<![A-Za-z])\\*?ST(?![A-Za-z])");

    private BoardLimits() {}

    /**
     * The limit in percent implied for an entity with these tickers and this name, if known.
     *
     * @param tickers the tickers of a company with their exchange suffixes ({@code 600519.SS})
     * @param name the entity's name (risk-warning shares carry {@code ST} in it)
     */
    public static OptionalDouble implied(List<String> tickers, String name) {
        Double limit = null;
        for (String t : tickers) {
            Double board = limitOf(t, name);
            if (board == null) {
                continue;
            }
            if (limit != null && !limit.equals(board)) {
                return OptionalDouble.empty();
            }
            limit = board;
        }
        return limit == null ? OptionalDouble.empty() : OptionalDouble.of(limit);
    }

    private static Double limitOf(String ticker, String name) {
        int dot = ticker.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String code = ticker.substring(0, dot);
        String exchange = ticker.substring(dot + 1);
        return switch (exchange) {
            case "SS", "SZ" -> mainland(code, exchange, name);
            case "BJ" -> 30.0;
            case "TW", "TWO", "SR" -> 10.0;
            default -> null;
        };
    }

    private static Double mainland(String code, String exchange, String name) {
        if (code.length() != 6) {
            return null; // indices and funds have no board limit of their own here
        }
        boolean growthBoard =
                ("SZ".equals(exchange) && (code.startsWith("300") || code.startsWith("301")))
                        || ("SS".equals(exchange)
                                && (code.startsWith("688") || code.startsWith("689")));
        if (growthBoard) {
            return 20.0;
        }
        boolean share = code.startsWith("60") || code.startsWith("00");
        if (!share) {
            return null; // bonds, funds and B shares are not covered
        }
        return name != null && RISK_WARNING.matcher(name).find() ? 5.0 : 10.0;
    }
}
