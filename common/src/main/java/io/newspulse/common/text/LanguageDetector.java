package io.newspulse.common.text;

import java.util.Locale;

/**
 * Detects the language of a news text from the scripts of its letters (HTML markup and entities are
 * skipped).
 *
 * <ul>
 *   <li>Each script scores its letters; a Han character weighs {@value #HAN_WEIGHT} letters, as it
 *       carries about a word, so a Chinese article with English names stays Chinese.
 *   <li>Han with kana is Japanese, reported as {@link Language#OTHER}.
 *   <li>Chinese is {@link Language#ZH_HANT} when traditional-only characters (發, 達) outnumber
 *       simplified-only ones (发, 达); characters both scripts use (台, 里) do not count.
 *   <li>Latin is {@link Language#EN}: other Latin-script languages are not told apart.
 *   <li>No letters, or another script, gives {@link Language#OTHER}.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class LanguageDetector {
    /** Latin letters one Han character counts as. */
    static final int HAN_WEIGHT = 3;

    /** Below this share of the letter score, a declared language's script counts as absent. */
    private static final double ABSENT_SHARE = 0.1;

    /** Detects the language of {@code raw} from its letters. */
    public Language detect(String raw) {
        return decide(ScriptCounts.of(raw));
    }

    /**
     * Detects the language of {@code raw}, preferring a declared language tag (e.g. from the feed):
     * a tag that {@link Language#fromTag} understands wins unless the text has almost no letters of
     * its script. A bare "zh" does not say which script, so detection picks it.
     */
    public Language detect(String raw, String declared) {
        Language claimed = Language.fromTag(declared);
        if (claimed == Language.OTHER) {
            return detect(raw);
        }
        ScriptCounts counts = ScriptCounts.of(raw);
        if (counts.total() == 0) {
            return claimed;
        }
        if (counts.share(claimed) < ABSENT_SHARE) {
            return decide(counts);
        }
        if (isBareChinese(declared)) {
            return counts.chineseVariant();
        }
        return claimed;
    }

    private static Language decide(ScriptCounts counts) {
        int best = Math.max(Math.max(counts.chinese(), counts.arabic), counts.latin);
        if (best == 0 || counts.other() > best) {
            return Language.OTHER;
        } else if (best == counts.chinese()) {
            return counts.chineseVariant();
        } else if (best == counts.arabic) {
            return Language.AR;
        }
        return Language.EN;
    }

    private static boolean isBareChinese(String declared) {
        return declared.trim().toLowerCase(Locale.ROOT).equals("zh");
    }

    private static final byte NOT_A_LETTER = 0;
    private static final byte LATIN = 1;
    private static final byte ARABIC = 2;
    private static final byte KANA = 3;
    private static final byte HAN = 4;
    private static final byte HAN_TRADITIONAL = 5;
    private static final byte HAN_SIMPLIFIED = 6;
    private static final byte OTHER_LETTER = 7;

    /**
     * {@link #letterClass} of every BMP character (surrogates are not letters on their own), so
     * that detection is a table lookup per character rather than a Unicode script search.
     */
    private static final byte[] LETTER_CLASS = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            LETTER_CLASS[c] = letterClass(c);
        }
    }

    /** The script class of a code point, or {@link #NOT_A_LETTER}. */
    private static byte letterClass(int cp) {
        if (!Character.isLetter(cp)) {
            return NOT_A_LETTER;
        }
        return switch (Character.UnicodeScript.of(cp)) {
            case LATIN -> LATIN;
            case ARABIC -> ARABIC;
            case HIRAGANA, KATAKANA -> KANA;
            case HAN ->
                    ChineseVariants.isTraditionalOnly(cp)
                            ? HAN_TRADITIONAL
                            : ChineseVariants.isSimplifiedOnly(cp) ? HAN_SIMPLIFIED : HAN;
            default -> OTHER_LETTER;
        };
    }

    /** Letter counts per script, with Han characters weighted by {@link #HAN_WEIGHT}. */
    private static final class ScriptCounts {
        int latin;
        int arabic;
        int han;
        int kana;
        int otherLetters;
        int traditional;
        int simplified;
        private HtmlMarkup.Scan markup;

        static ScriptCounts of(String raw) {
            ScriptCounts counts = new ScriptCounts();
            int i = 0;
            while (i < raw.length()) {
                i = counts.add(raw, i);
            }
            return counts;
        }

        /** Counts the letter, tag or entity at {@code i}; returns the index after it. */
        private int add(String raw, int i) {
            char c = raw.charAt(i);
            if (c < 128) {
                return addAscii(raw, i, c);
            }
            if (!Character.isHighSurrogate(c)) {
                addClass(LETTER_CLASS[c]);
                return i + 1;
            }
            int cp = raw.codePointAt(i);
            if (Character.isLetter(cp)) {
                addLetter(cp);
            }
            return i + Character.charCount(cp);
        }

        private int addAscii(String raw, int i, char c) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
            } else if (c == '<') {
                if (markup == null) {
                    markup = new HtmlMarkup.Scan();
                }
                int end = HtmlMarkup.markupEnd(raw, i, markup);
                return end < 0 ? i + 1 : end;
            } else if (c == '&') {
                long entity = HtmlMarkup.decodeEntity(raw, i);
                return entity == HtmlMarkup.NOT_AN_ENTITY ? i + 1 : (int) entity;
            }
            return i + 1;
        }

        private void addLetter(int cp) {
            addClass(letterClass(cp));
        }

        private void addClass(byte letterClass) {
            switch (letterClass) {
                case NOT_A_LETTER -> {}
                case LATIN -> latin++;
                case ARABIC -> arabic++;
                case KANA -> kana++;
                case HAN -> han++;
                case HAN_TRADITIONAL -> {
                    han++;
                    traditional++;
                }
                case HAN_SIMPLIFIED -> {
                    han++;
                    simplified++;
                }
                default -> otherLetters++;
            }
        }

        /** Japanese mixes kana into Han text; Chinese has none or nearly none. */
        private boolean japanese() {
            return kana > 0 && kana * 5 >= han;
        }

        int chinese() {
            return japanese() ? 0 : han * HAN_WEIGHT;
        }

        int other() {
            return otherLetters + kana + (japanese() ? han * HAN_WEIGHT : 0);
        }

        int total() {
            return chinese() + arabic + latin + other();
        }

        double share(Language language) {
            int score =
                    switch (language) {
                        case ZH_HANS, ZH_HANT -> chinese();
                        case AR -> arabic;
                        case EN -> latin;
                        case OTHER -> other();
                    };
            return (double) score / total();
        }

        Language chineseVariant() {
            return traditional > simplified ? Language.ZH_HANT : Language.ZH_HANS;
        }
    }
}
