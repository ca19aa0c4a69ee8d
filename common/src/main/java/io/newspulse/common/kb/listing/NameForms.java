package io.newspulse.common.kb.listing;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names as the press writes them, derived from exchange names: full-width forms folded, status
 * markers and legal forms removed while what remains is still distinctive.
 */
final class NameForms {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACE_BETWEEN_HAN =
            Pattern.compile("(?<=[\\p{IsHan}])\\s+(?=[\\p{IsHan}A-Za-z])");

    /** A-share and Hong Kong status markers: *ST, ST, N/C (first days), XD/XR/DR, -W, -SW ... */
    private static final Pattern CN_PREFIX =
            Pattern.compile("^(\\*?S?\\*?ST|N|C|XD|XR|DR|U)(?=\\p{IsHan})");

    private static final Pattern CN_SUFFIX =
            Pattern.compile("[-－](U|W|UW|WD|B|S|SW|SB|R|WR|SWR|P)$");

    /** A trailing share-class letter after a Han name: 万科A, 东方电气B. */
    private static final Pattern CN_CLASS = Pattern.compile("(?<=\\p{IsHan})[AB]$");

    private static final List<String> CN_LEGAL =
            List.of(
                    "股份有限公司", "有限责任公司", "有限責任公司", "股份有限公司", "有限公司", "股份公司", "公司", "集团", "集團", "控股",
                    "股份");

    private static final Pattern EN_LEGAL =
            Pattern.compile(
                    "(?i)[\\s,]+(inc\\.?|incorporated|corporation|corp\\.?|co\\.?,?\\s*ltd\\.?|co\\.?"
                            + "|company|limited|ltd\\.?|plc|p\\.l\\.c\\.|holdings?|group|s\\.a\\.?"
                            + "|n\\.v\\.|ag|se|sa|berhad|bhd\\.?|tbk|q\\.?p\\.?s\\.?c\\.?"
                            + "|q\\.?s\\.?c\\.?|s\\.a\\.e\\.?|k\\.k\\.|llc|l\\.p\\.|lp|ltda|public"
                            + "|\\(the\\)|\\(holdings\\)|\\(pjsc\\)|pjsc|jsc|sjsc|kscp|k\\.s\\.c\\.p\\.?)$");

    /** Where a security description starts after the issuer's name. */
    private static final Pattern EN_SECURITY =
            Pattern.compile(
                    "(?i)\\s*[-,]?\\s+(common stock|common shares|ordinary shares?|class [a-z]\\b"
                            + "|american depositary|depositary shares?|sponsored adr|adr\\b|ads\\b"
                            + "|shares of beneficial interest|subordinate voting|new common"
                            + "|series [a-z]\\b|common units|units\\b|- ).*$");

    private static final Pattern AR_PREFIX = Pattern.compile("^(شركة|شركه|مجموعة|مجموعه)\\s+");
    private static final Pattern AR_SUFFIX =
            Pattern.compile(
                    "\\s+(المحدودة|المحدوده|القابضة|القابضه|ش\\.?م\\.?ع\\.?|ش\\.?م\\.?ك\\.?|ش\\.?م\\.?ب\\.?"
                            + "|ش\\.?م\\.?م\\.?|\\(ش\\.م\\.ع\\)|\\(ش\\.م\\.ك\\.ع\\))$");

    private NameForms() {}

    /** NFKC, single spaces, no spaces between Han characters ({@code 万 科Ａ} to {@code 万科A}). */
    static String collapse(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        n = SPACES.matcher(n.strip()).replaceAll(" ");
        return SPACE_BETWEEN_HAN.matcher(n).replaceAll("");
    }

    /** An exchange's Chinese short name without status markers and share class. */
    static String chineseShort(String exchangeName) {
        String s = collapse(exchangeName).replace('－', '-');
        s = CN_SUFFIX.matcher(s).replaceAll("");
        s = CN_PREFIX.matcher(s).replaceAll("");
        return s.strip();
    }

    /** {@link #chineseShort} without a trailing share-class letter (万科A to 万科). */
    static String withoutShareClass(String shortName) {
        return CN_CLASS.matcher(shortName).replaceAll("");
    }

    /**
     * A Chinese name without its legal form or group words (紫金矿业集团股份有限公司 to 紫金矿业), or null when
     * fewer than three Han characters would remain: two are too often a place or an ordinary word
     * (北京控股 is not 北京, 創業集團控股 is not 創業).
     */
    static String chineseStripped(String name) {
        String s = collapse(name);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String suffix : CN_LEGAL) {
                if (s.endsWith(suffix) && hanCount(s) - suffix.length() >= 3) {
                    s = s.substring(0, s.length() - suffix.length());
                    changed = true;
                }
            }
        }
        return hanCount(s) >= 3 ? s : null;
    }

    /**
     * The issuer's name of a US security description ("Apple Inc. Common Stock" to "Apple Inc.").
     */
    static String issuer(String securityName) {
        String s = collapse(securityName);
        String cut = EN_SECURITY.matcher(s).replaceFirst("");
        return cut.length() >= 2 ? cut.replaceAll("[\\s,\\-]+$", "") : s;
    }

    /**
     * An English name without legal forms ("Ping An Bank Co., Ltd." to "Ping An Bank"), or null
     * when nothing distinctive would remain.
     */
    static String englishShort(String name) {
        String s = collapse(name);
        String prev;
        do {
            prev = s;
            s = EN_LEGAL.matcher(s).replaceAll("").replaceAll("[\\s,\\-&]+$", "");
        } while (!s.equals(prev) && !s.isEmpty());
        if (s.toLowerCase(Locale.ROOT).startsWith("the ")) {
            s = s.substring(4);
        }
        long letters = s.chars().filter(Character::isLetter).count();
        return letters >= 2 ? s : null;
    }

    /** An Arabic name without شركة before it and legal forms after it, or null when empty. */
    static String arabicShort(String name) {
        String s = collapse(name);
        String prev;
        do {
            prev = s;
            s = AR_SUFFIX.matcher(AR_PREFIX.matcher(s).replaceAll("")).replaceAll("").strip();
        } while (!s.equals(prev));
        return s.length() >= 2 ? s : null;
    }

    /** Title case of an upper-case English short name ("CKH HOLDINGS" to "CKH Holdings"). */
    static String titleCase(String upper) {
        StringBuilder sb = new StringBuilder();
        for (String w : upper.split(" ")) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            boolean keep = w.length() <= 3 || !w.chars().allMatch(Character::isLetter);
            sb.append(keep ? w : w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    /** Number of Han characters. */
    static int hanCount(String s) {
        return (int)
                s.codePoints()
                        .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                        .count();
    }

    /** Whether a code point is an Arabic letter. */
    static boolean isArabic(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC;
    }

    /** Whether a name holds only Latin letters, digits, spaces and punctuation. */
    static boolean isLatin(String s) {
        return s.codePoints().noneMatch(c -> Character.isLetter(c) && c > 0x24F);
    }
}
