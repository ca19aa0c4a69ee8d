package io.newspulse.common.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Character-level traditional/simplified Chinese data, loaded once from resources generated from
 * ICU4J by {@code T2sTableGenerator} (ICU itself stays off the runtime class path).
 *
 * <ul>
 *   <li>{@value #T2S_RESOURCE}: one "traditional simplified" pair per line (two characters).
 *   <li>{@value #SHARED_RESOURCE}: simplified targets that are also standard traditional characters
 *       (ICU's simplified-to-traditional leaves them unchanged, e.g. 台, 里, 周), so they are no
 *       evidence of simplified script.
 * </ul>
 */
final class ChineseVariants {
    static final String T2S_RESOURCE = "/newspulse/text/t2s.txt";
    static final String SHARED_RESOURCE = "/newspulse/text/t2s-shared.txt";

    private static final char[] T2S = new char[65536];
    private static final BitSet TRADITIONAL_ONLY = new BitSet(65536);
    private static final BitSet SIMPLIFIED_ONLY = new BitSet(65536);

    static {
        SortedMap<Character, Character> pairs = parsePairs(open(T2S_RESOURCE));
        SortedSet<Character> shared = parseChars(open(SHARED_RESOURCE));
        for (int c = 0; c < T2S.length; c++) {
            T2S[c] = (char) c;
        }
        pairs.forEach(
                (traditional, simplified) -> {
                    T2S[traditional] = simplified;
                    TRADITIONAL_ONLY.set(traditional);
                    if (!shared.contains(simplified)) {
                        SIMPLIFIED_ONLY.set(simplified);
                    }
                });
    }

    private ChineseVariants() {}

    /** The simplified form of {@code c}, or {@code c} itself when it has no 1:1 mapping. */
    static char toSimplified(char c) {
        return T2S[c];
    }

    /** True for traditional characters that fold to a different simplified one (發, 達). */
    static boolean isTraditionalOnly(int codePoint) {
        return codePoint < 65536 && TRADITIONAL_ONLY.get(codePoint);
    }

    /** True for simplified forms that traditional text does not use (发, 达; not 台 or 里). */
    static boolean isSimplifiedOnly(int codePoint) {
        return codePoint < 65536 && SIMPLIFIED_ONLY.get(codePoint);
    }

    /** Parses the pair format of {@value #T2S_RESOURCE}; '#' starts a comment line. */
    static SortedMap<Character, Character> parsePairs(Reader reader) {
        SortedMap<Character, Character> pairs = new TreeMap<>();
        for (String line : dataLines(reader)) {
            if (line.length() != 2) {
                throw new IllegalArgumentException("Not a character pair: '" + line + "'");
            }
            pairs.put(line.charAt(0), line.charAt(1));
        }
        return pairs;
    }

    /** Parses the one-character-per-line format of {@value #SHARED_RESOURCE}. */
    static SortedSet<Character> parseChars(Reader reader) {
        SortedSet<Character> chars = new TreeSet<>();
        for (String line : dataLines(reader)) {
            if (line.length() != 1) {
                throw new IllegalArgumentException("Not a single character: '" + line + "'");
            }
            chars.add(line.charAt(0));
        }
        return chars;
    }

    static Reader open(String resource) {
        InputStream in = ChineseVariants.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + resource);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static Iterable<String> dataLines(Reader reader) {
        try (BufferedReader lines = new BufferedReader(reader)) {
            return lines.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
