package io.newspulse.common.tag;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newspulse.common.kb.KnowledgeBaseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The tagger's word lists and limits, read from {@code config/lexicons/tagger.yaml} (embedded at
 * {@code newspulse/config/lexicons/tagger.yaml}). Words are folded with the same normaliser as the
 * text.
 */
public final class TaggerRules {
    static final String RESOURCE = "newspulse/config/lexicons/tagger.yaml";

    final List<String> companyContext;

    /** Corporate words strong enough to vouch for an evidence-required alias next to them. */
    final List<String> evidenceWords;

    final int contextWindow;
    final String cjkLeftOk;

    /** First characters of the company-name suffixes: most characters start none. */
    private final BitSet suffixStart;

    /** {@link #cjkLeftOk} as a set, for the per-character checks of the hot path. */
    private final BitSet leftOk;

    final String cjkRightBad;
    final int shortLatinMax;
    final Set<String> notBareTickers;
    final List<String> codeContext;
    final int codeContextWindow;
    final List<String> boilerplate;

    /** Suffixes that make a two-character Chinese alias the start of another company's name. */
    final WordSet cjkNameSuffixes;

    /** Suffixes that do so only after at least one more character (腾讯公司 is still Tencent). */
    final WordSet cjkLegalSuffixes;

    final int cjkNameMaxExtra;

    /** Lower-case titles before a surname (mr, prime minister's "minister", senator). */
    final Set<String> personTitles;

    /** Lower-case capitalisable words that are not given names (function words, days, months). */
    final Set<String> notGivenNames;

    /** Words that, before a name's first word, make it another product: head word to words. */
    private final Map<String, Set<String>> otherProducts;

    private TaggerRules(Definition d, UnaryOperator<String> fold) {
        this.companyContext = new ArrayList<>();
        if (d.companyContext != null) {
            d.companyContext.values().forEach(l -> l.forEach(w -> add(companyContext, fold, w)));
        }
        this.evidenceWords = new ArrayList<>();
        if (d.evidenceWords != null) {
            d.evidenceWords.values().forEach(l -> l.forEach(w -> add(evidenceWords, fold, w)));
        }
        this.contextWindow = d.contextWindow > 0 ? d.contextWindow : 40;
        this.cjkLeftOk = fold.apply(nonNull(d.cjkLeftOk));
        this.leftOk = new BitSet(Character.MAX_VALUE + 1);
        cjkLeftOk.chars().forEach(leftOk::set);
        this.cjkRightBad = fold.apply(nonNull(d.cjkRightBad));
        this.shortLatinMax = d.shortLatinMax > 0 ? d.shortLatinMax : 3;
        this.notBareTickers = new HashSet<>(nonNull(d.notBareTickers));
        this.codeContext = new ArrayList<>();
        nonNull(d.codeContext).forEach(w -> add(codeContext, fold, w));
        this.codeContextWindow = d.codeContextWindow > 0 ? d.codeContextWindow : 12;
        this.boilerplate = new ArrayList<>();
        nonNull(d.boilerplate).forEach(w -> add(boilerplate, fold, w));
        this.cjkNameSuffixes = new WordSet(folded(d.cjkNameSuffixes, fold), false);
        this.cjkLegalSuffixes = new WordSet(folded(d.cjkLegalSuffixes, fold), false);
        this.cjkNameMaxExtra = d.cjkNameMaxExtra > 0 ? d.cjkNameMaxExtra : 4;
        this.suffixStart = new BitSet(Character.MAX_VALUE + 1);
        for (List<String> words : Arrays.asList(d.cjkNameSuffixes, d.cjkLegalSuffixes)) {
            for (String w : nonNull(words)) {
                String f = fold.apply(w);
                if (!f.isEmpty()) {
                    suffixStart.set(f.charAt(0));
                }
            }
        }
        this.personTitles = new HashSet<>(folded(d.personTitles, fold));
        this.notGivenNames = new HashSet<>(folded(d.notGivenNames, fold));
        this.otherProducts = new HashMap<>();
        if (d.otherProducts != null) {
            d.otherProducts.forEach(
                    (head, words) ->
                            otherProducts.put(
                                    fold.apply(head), new HashSet<>(folded(words, fold))));
        }
    }

    /**
     * Whether the Latin name starting at {@code begin} of the folded text {@code t} is part of
     * another product's name: its first word is a head word of {@code other_products} and the word
     * before it one of that head's modifiers (a space, line break or hyphen between: "heating oil
     * prices" is no crude oil). Reads at most a word on each side.
     */
    boolean namesOtherProduct(char[] t, int begin) {
        if (otherProducts.isEmpty() || begin == 0 || !isLatinLetter(t[begin])) {
            return false;
        }
        int headEnd = begin;
        while (headEnd < t.length && headEnd - begin < MAX_WORD && isLatinLetter(t[headEnd])) {
            headEnd++;
        }
        Set<String> modifiers = otherProducts.get(new String(t, begin, headEnd - begin));
        if (modifiers == null) {
            return false;
        }
        int end = begin;
        while (end > 0
                && begin - end < 2
                && (Character.isWhitespace(t[end - 1]) || t[end - 1] == '-')) {
            end--;
        }
        int start = end;
        while (start > 0 && end - start < MAX_WORD && isLatinLetter(t[start - 1])) {
            start--;
        }
        return start < end && end < begin && modifiers.contains(new String(t, start, end - start));
    }

    private static final int MAX_WORD = 16;

    private static boolean isLatinLetter(char c) {
        return c < 0x250 && Character.isLetter(c);
    }

    /** Whether a company-name suffix may start with {@code c}. */
    boolean mayStartCjkSuffix(char c) {
        return suffixStart.get(c);
    }

    /** Whether {@code c} may stand before a short Chinese name (a function or market word). */
    boolean isCjkLeftOk(char c) {
        return leftOk.get(c);
    }

    /** Reads the embedded rules, folding their words with {@code fold}. */
    public static TaggerRules embedded(UnaryOperator<String> fold) {
        try (InputStream in = TaggerRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new KnowledgeBaseException(
                        "tagger rules missing from classpath: " + RESOURCE);
            }
            return read(in, fold);
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot read tagger rules: " + e.getMessage(), e);
        }
    }

    /** Reads rules from a YAML stream. */
    public static TaggerRules read(InputStream in, UnaryOperator<String> fold) throws IOException {
        ObjectMapper yaml =
                new ObjectMapper(new YAMLFactory())
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new TaggerRules(yaml.readValue(in, Definition.class), fold);
    }

    private static void add(List<String> out, UnaryOperator<String> fold, String w) {
        String f = fold.apply(w);
        if (!f.isEmpty()) {
            out.add(f);
        }
    }

    private static List<String> folded(List<String> words, UnaryOperator<String> fold) {
        List<String> out = new ArrayList<>();
        nonNull(words).forEach(w -> add(out, fold, w));
        return out;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static List<String> nonNull(List<String> l) {
        return l == null ? List.of() : l;
    }

    /** YAML shape of the rules file. */
    static final class Definition {
        @JsonProperty("company_context")
        Map<String, List<String>> companyContext;

        @JsonProperty("evidence_words")
        Map<String, List<String>> evidenceWords;

        @JsonProperty("context_window")
        int contextWindow;

        @JsonProperty("cjk_left_ok")
        String cjkLeftOk;

        @JsonProperty("cjk_right_bad")
        String cjkRightBad;

        @JsonProperty("short_latin_max")
        int shortLatinMax;

        @JsonProperty("not_bare_tickers")
        List<String> notBareTickers;

        @JsonProperty("code_context")
        List<String> codeContext;

        @JsonProperty("code_context_window")
        int codeContextWindow;

        @JsonProperty("boilerplate")
        List<String> boilerplate;

        @JsonProperty("cjk_name_suffixes")
        List<String> cjkNameSuffixes;

        @JsonProperty("cjk_legal_suffixes")
        List<String> cjkLegalSuffixes;

        @JsonProperty("cjk_name_max_extra")
        int cjkNameMaxExtra;

        @JsonProperty("person_titles")
        List<String> personTitles;

        @JsonProperty("not_given_names")
        List<String> notGivenNames;

        @JsonProperty("other_products")
        Map<String, List<String>> otherProducts;
    }
}
