package io.newspulse.common.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Valid but hostile article bodies: long stretches without the breaks that keep analysis windows
 * short, or with far more hits than news has. Each is built to about a given number of characters
 * (a repeated unit, so that twice the size is the same text twice as long). Shared with the
 * benchmarks and the command-line check through the test jar.
 */
public final class HostileTexts {
    /** English market words in one clause: no sentence or clause break at all. */
    private static final String MARKET_CLAUSE_UNIT =
            "Apple shares rose sharply 3% higher while Nvidia stock fell not up but down 2.5 percent"
                    + " and Tencent surged strongly to a record gain as Alibaba plunged losses widened"
                    + " Aramco jumped 1.2% respectively slightly lower amid probe fears market value"
                    + " wiped $200 billion off ";

    /** Mentions and percentages back to back, in Chinese, English and Arabic, one sentence. */
    private static final String DENSE_UNIT =
            "腾讯涨5%阿里巴巴跌3.2%苹果+2.1%Apple 4% Nvidia -3% 腾讯控股涨停市值蒸发1200亿美元"
                    + " ارتفع سهم أرامكو 2.5% Apple (-3.4%) NVDA +2.3% ";

    /** Digits and separators: thousands, decimals, percents, amounts and dates. */
    private static final String DIGITS_UNIT =
            "1,234,567.89 2.5% 3.4.5.6 7,8,9 0.5亿 $1,000,000 12-34/56 ";

    /** Nested brackets, quotes and things that start like markup but never close. */
    private static final String BRACKETS_UNIT =
            "((([[[《《「『“‘\"'<a href=\"x <b '\" <!-- (Apple <i x='\"腾讯 «Nvidia ";

    /** Unknown names as subjects of moves in every script, one clause without breaks. */
    private static final String UNKNOWN_SUBJECT_UNIT =
            "Lumora Systems Alpha Beta Gamma rose 5% 澜舟科技股份今日涨5% 宏晶涨停"
                    + " تراجع سهم شركة الوفاق للتطوير 3% Apple and Nvidia both fell 2% ";

    private HostileTexts() {}

    /** About {@code chars} characters of one clause of market words. */
    public static String marketClause(int chars) {
        return repeat(MARKET_CLAUSE_UNIT, chars);
    }

    /** About {@code chars} characters of dense mentions and percentages. */
    public static String denseMentions(int chars) {
        return repeat(DENSE_UNIT, chars);
    }

    /** {@code chars} times the same Chinese character (涨, "rise": a tone word and a verb). */
    public static String repeatedHan(int chars) {
        return "涨".repeat(chars);
    }

    /** About {@code chars} characters of digits and separators. */
    public static String digits(int chars) {
        return repeat(DIGITS_UNIT, chars);
    }

    /** About {@code chars} characters of deep brackets and quotes. */
    public static String brackets(int chars) {
        return repeat(BRACKETS_UNIT, chars);
    }

    /**
     * A respectively-list of {@code items} companies and as many percentages: "腾讯、阿里巴巴、苹果 ...
     * 分别上涨1%、2%、3% ...".
     */
    public static String respectivelyList(int items) {
        String[] names = {"腾讯", "阿里巴巴", "苹果", "英伟达", "小米集团", "比亚迪", "京东", "百度"};
        StringBuilder sb = new StringBuilder(items * 10);
        for (int i = 0; i < items; i++) {
            sb.append(i == 0 ? "" : "、").append(names[i % names.length]);
        }
        sb.append("分别上涨");
        for (int i = 0; i < items; i++) {
            sb.append(i == 0 ? "" : "、").append(1 + i % 9).append('.').append(i % 10).append('%');
        }
        return sb.append('。').toString();
    }

    /**
     * A list of {@code items} company names sharing one move: "腾讯、阿里巴巴、苹果 ... 均涨2%", then the same
     * list with a list of as many figures ("... 涨1%、2% ...", a pair list without 分别).
     */
    public static String sharedMoveList(int items) {
        String[] names = {"腾讯", "阿里巴巴", "苹果", "英伟达", "小米集团", "比亚迪", "京东", "百度"};
        StringBuilder sb = new StringBuilder(items * 16);
        for (int i = 0; i < items; i++) {
            sb.append(i == 0 ? "" : "、").append(names[i % names.length]);
        }
        sb.append("均涨2%。");
        for (int i = 0; i < items; i++) {
            sb.append(i == 0 ? "" : "、").append(names[i % names.length]);
        }
        sb.append("涨");
        for (int i = 0; i < items; i++) {
            sb.append(i == 0 ? "" : "、").append(1 + i % 9).append('%');
        }
        return sb.append('。').toString();
    }

    /** About {@code chars} characters of moves of unknown names in every script. */
    public static String unknownSubjects(int chars) {
        return repeat(UNKNOWN_SUBJECT_UNIT, chars);
    }

    /**
     * Every hostile input by name, as a function of its size: characters, or items for the
     * respectively-list and the shared-move list (about 10 and 16 characters per item).
     */
    public static Map<String, IntFunction<String>> all() {
        Map<String, IntFunction<String>> out = new LinkedHashMap<>();
        out.put("marketClause", HostileTexts::marketClause);
        out.put("denseMentions", HostileTexts::denseMentions);
        out.put("repeatedHan", HostileTexts::repeatedHan);
        out.put("respectivelyList", HostileTexts::respectivelyList);
        out.put("sharedMoveList", HostileTexts::sharedMoveList);
        out.put("unknownSubjects", HostileTexts::unknownSubjects);
        out.put("digits", HostileTexts::digits);
        out.put("brackets", HostileTexts::brackets);
        return out;
    }

    private static String repeat(String unit, int chars) {
        return unit.repeat(Math.max(1, chars / unit.length()));
    }
}
