package io.newspulse.common.kb.listing;

/**
 * How much evidence a generated alias needs before the tagger may trust it.
 *
 * <p>Curated names earned their place by hand; generated ones did not, and a universe of 40,000
 * names collides with ordinary text. The level follows the alias's shape in its script:
 *
 * <ul>
 *   <li>{@link #ENTITY} ({@code evidence_required}): two Han characters (美丽, 国华, 台泥 occur inside
 *       ordinary words), two Hangul syllables, one Arabic word (وطني, زين, المصافي are also
 *       ordinary words) and one Latin word of at most four letters. The entity's own code or ticker
 *       nearby, another unambiguous name of it in the document, a corporate word glued to it, or a
 *       list of companies lets them through.
 *   <li>{@link #CONTEXT} ({@code context_required}): three Han characters (太阳能, 新希望), a short kana
 *       name, two Arabic words (البحر الأحمر is also the Red Sea) and any other single Latin word
 *       (Target, Ameresco): company words nearby (shares, 股价, a company suffix, a market verb)
 *       suffice.
 *   <li>{@link #NONE}: longer names.
 * </ul>
 */
enum AliasEvidence {
    NONE,
    CONTEXT,
    ENTITY;

    /** The evidence a generated alias needs. */
    static AliasEvidence of(String alias) {
        String a = NameForms.collapse(alias);
        int letters = (int) a.codePoints().filter(Character::isLetterOrDigit).count();
        int han = NameForms.hanCount(a);
        if (han > 0) {
            int others = letters - han;
            if (han <= 2 && others <= 1) {
                return ENTITY;
            }
            return han == 3 && others <= 1 ? CONTEXT : NONE;
        }
        if (has(a, Character.UnicodeScript.HANGUL)) {
            return letters <= 2 ? ENTITY : NONE;
        }
        if (has(a, Character.UnicodeScript.KATAKANA) || has(a, Character.UnicodeScript.HIRAGANA)) {
            return letters <= 3 ? CONTEXT : NONE;
        }
        int words = a.split(" ").length;
        if (has(a, Character.UnicodeScript.ARABIC)) {
            // Two Arabic words are often a place or a phrase too: البحر الأحمر, the Red Sea.
            return words == 1 ? ENTITY : words == 2 ? CONTEXT : NONE;
        }
        if (words > 1) {
            return NONE;
        }
        return letters <= 4 ? ENTITY : CONTEXT;
    }

    private static boolean has(String s, Character.UnicodeScript script) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == script);
    }
}
