package io.newspulse.common.tag;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.newspulse.common.kb.Entity;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.kb.KnowledgeBaseChecker;
import io.newspulse.common.text.Language;
import io.newspulse.common.text.NormalizedText;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Finds knowledge-base entities in normalised text.
 *
 * <p>Names and aliases are matched with one Aho-Corasick automaton over the folded text; ticker
 * symbols and numeric codes by {@link TickerScanner}. Each hit must pass boundary rules (Latin word
 * boundaries and capitalisation, Chinese left/right neighbours, Arabic clitics), context rules
 * (common-word aliases need company context; shared aliases are resolved by the support each
 * candidate has in the document) and paragraph rules (boilerplate and repeated paragraphs do not
 * count). Surviving hits are reduced to the leftmost-longest non-overlapping set.
 *
 * <p>Immutable and thread-safe; build it once per knowledge base.
 */
public final class EntityTagger {
    private static final Comparator<Mention> LONGEST_FIRST =
            Comparator.comparingInt((Mention m) -> m.normStart() - m.normEnd())
                    .thenComparingInt(Mention::normStart)
                    .thenComparing(m -> -m.confidence());

    private final KnowledgeBase kb;
    private final TaggerRules rules;
    private final AhoCorasickDoubleArrayTrie<AliasEntry[]> trie =
            new AhoCorasickDoubleArrayTrie<>();
    private final Map<String, List<String>> contextWords = new HashMap<>();
    private final ParagraphFilter paragraphs;
    private final TickerScanner tickers;
    private final ContextRules context;

    /**
     * Builds the dictionary of every entity name.
     *
     * @param kb the knowledge base
     * @param fold the folding the text normaliser applies (aliases are folded the same way)
     * @param rules word lists and limits
     */
    public EntityTagger(KnowledgeBase kb, UnaryOperator<String> fold, TaggerRules rules) {
        this.kb = kb;
        this.rules = rules;
        TreeMap<String, List<AliasEntry>> dictionary = new TreeMap<>();
        for (Entity e : kb.entities()) {
            addNames(e, fold, dictionary);
            List<String> words = new ArrayList<>();
            e.context().forEach(w -> words.add(fold.apply(w)));
            e.tickers().forEach(t -> words.add(fold.apply(t)));
            contextWords.put(e.id(), words);
        }
        TreeMap<String, AliasEntry[]> built = new TreeMap<>();
        dictionary.forEach((k, v) -> built.put(k, v.toArray(AliasEntry[]::new)));
        trie.build(built);
        this.paragraphs = new ParagraphFilter(rules.boilerplate);
        this.context = new ContextRules(rules, contextWords);
        this.tickers = new TickerScanner(kb, rules, context);
    }

    private void addNames(
            Entity e, UnaryOperator<String> fold, TreeMap<String, List<AliasEntry>> dictionary) {
        Set<String> contextRequired = folded(e.contextRequired(), fold);
        Set<String> ambiguous = folded(e.ambiguous(), fold);
        Map<String, AliasEntry> perEntity = new LinkedHashMap<>();
        add(perEntity, e, e.name(), "en", true, fold, contextRequired, ambiguous);
        for (String lang : Entity.LANGUAGES) {
            for (String a : e.aliases(lang)) {
                add(perEntity, e, a, lang, false, fold, contextRequired, ambiguous);
            }
        }
        perEntity.forEach((k, v) -> dictionary.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }

    private void add(
            Map<String, AliasEntry> perEntity,
            Entity e,
            String alias,
            String lang,
            boolean canonical,
            UnaryOperator<String> fold,
            Set<String> contextRequired,
            Set<String> ambiguous) {
        String key = fold.apply(alias).strip();
        // One Han character is never a name on its own: it occurs inside every other word.
        if (key.isEmpty() || (Scripts.countHan(key) == 1 && key.length() == 1)) {
            return;
        }
        int letters = Scripts.countLetters(key);
        boolean shortLatin = Scripts.isLatinKey(key) && letters <= rules.shortLatinMax;
        // Two-letter names (GE, HP) are abbreviations far more often than companies.
        boolean needsContext = contextRequired.contains(key) || (shortLatin && letters <= 2);
        boolean capitalised = Character.isUpperCase(alias.codePointAt(0));
        // The same spelling in lower case somewhere (a sector's "semiconductors") lifts the
        // capitalisation requirement of a capitalised name.
        perEntity.merge(
                key,
                new AliasEntry(
                        e.id(),
                        alias,
                        lang,
                        canonical,
                        needsContext,
                        ambiguous.contains(key),
                        capitalised,
                        shortLatin),
                (a, b) -> a.capitalised() && !b.capitalised() ? b : a);
    }

    private static Set<String> folded(Set<String> words, UnaryOperator<String> fold) {
        Set<String> out = new HashSet<>();
        words.forEach(w -> out.add(fold.apply(w).strip()));
        return out;
    }

    /** The knowledge base this tagger was built from. */
    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** Mentions in a whole document, in text order, assuming the script decides the variant. */
    public List<Mention> tag(NormalizedText text) {
        return tag(text, Language.OTHER);
    }

    /**
     * Mentions in a whole document, in text order.
     *
     * @param text the normalised document
     * @param language document language; zh-Hant favours HK/TW names when an alias is shared
     */
    public List<Mention> tag(NormalizedText text, Language language) {
        String s = text.text();
        BitSet excluded = paragraphs.excluded(s);
        List<Candidate> candidates = new ArrayList<>();
        trie.parseText(
                s,
                (begin, end, entries) -> {
                    if (!excluded.get(begin) && Boundaries.ok(text, begin, end, rules)) {
                        candidates.add(new Candidate(begin, end, entries));
                    }
                });
        Set<String> strong = new HashSet<>();
        for (Candidate c : candidates) {
            if (c.entries.length == 1 && !c.entries[0].contextRequired()) {
                strong.add(c.entries[0].entityId());
            }
        }
        List<Mention> found = new ArrayList<>();
        List<Mention> tickerMentions = tickers.scan(text, excluded, candidates, strong);
        tickerMentions.forEach(m -> strong.add(m.entityId()));
        found.addAll(tickerMentions);
        for (Candidate c : candidates) {
            Mention m = resolve(text, c, strong, language);
            if (m != null) {
                found.add(m);
            }
        }
        return longestFirst(found);
    }

    private Mention resolve(NormalizedText text, Candidate c, Set<String> strong, Language lang) {
        List<AliasEntry> viable = new ArrayList<>(c.entries.length);
        for (AliasEntry a : c.entries) {
            if (a.capitalised()
                    && Scripts.isLatinKey(a.alias().toLowerCase(java.util.Locale.ROOT))
                    && !Boundaries.originalCapitalised(text, c.begin, c.end)) {
                continue;
            }
            if (a.exactCase() && !Boundaries.originalEquals(text, c.begin, c.end, a.alias())) {
                continue;
            }
            if (a.contextRequired()
                    && !context.companyContext(text.text(), c.begin, c.end, a.entityId(), strong)) {
                continue;
            }
            viable.add(a);
        }
        if (viable.isEmpty()) {
            return null;
        }
        if (viable.size() == 1 && c.entries.length == 1) {
            AliasEntry a = viable.get(0);
            String rule = a.contextRequired() ? "context" : a.canonical() ? "name" : "alias";
            return mention(text, c, a, rule, confidence(c, a));
        }
        return disambiguate(text, c, viable, strong, lang);
    }

    private Mention disambiguate(
            NormalizedText text,
            Candidate c,
            List<AliasEntry> viable,
            Set<String> strong,
            Language lang) {
        AliasEntry best = null;
        int bestScore = 0;
        boolean tie = false;
        for (AliasEntry a : viable) {
            int score = strong.contains(a.entityId()) ? 3 : 0;
            score += context.entityContextNear(text.text(), c.begin, c.end, a.entityId()) ? 2 : 0;
            if (lang == Language.ZH_HANT && a.language().equals("zh-Hant")) {
                score += 1;
            } else if (lang == Language.ZH_HANS && a.language().equals("zh-Hans")) {
                score += 1;
            }
            if (score > bestScore) {
                best = a;
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        if (best == null || tie) {
            // No evidence either way: keep the first candidate in file order, flagged weak.
            return mention(text, c, viable.get(0), "ambiguous", 0.4);
        }
        return mention(text, c, best, "ambiguous", bestScore >= 3 ? 0.8 : 0.6);
    }

    private static double confidence(Candidate c, AliasEntry a) {
        if (a.contextRequired()) {
            return 0.7;
        }
        int han = Scripts.countHan(a.alias());
        if (han == 2) {
            return 0.8;
        }
        return a.canonical() ? 0.95 : 0.9;
    }

    private static Mention mention(
            NormalizedText text, Candidate c, AliasEntry a, String rule, double confidence) {
        int start = text.originalStart(c.begin);
        int end = text.originalEnd(c.end);
        return new Mention(
                a.entityId(),
                a.alias(),
                start,
                end,
                c.begin,
                c.end,
                text.original().substring(start, end),
                rule,
                confidence);
    }

    /**
     * Longest hits first, then leftmost: "Dow Chemical" beats an earlier-starting but shorter "the
     * Dow". Returns the kept mentions in text order.
     */
    private static List<Mention> longestFirst(List<Mention> found) {
        found.sort(LONGEST_FIRST);
        BitSet taken = new BitSet();
        List<Mention> out = new ArrayList<>(found.size());
        for (Mention m : found) {
            int next = taken.nextSetBit(m.normStart());
            if (next < 0 || next >= m.normEnd()) {
                taken.set(m.normStart(), m.normEnd());
                out.add(m);
            }
        }
        out.sort(Comparator.comparingInt(Mention::normStart));
        return out;
    }

    /** An automaton hit that passed the boundary rules. */
    static final class Candidate {
        final int begin;
        final int end;
        final AliasEntry[] entries;

        Candidate(int begin, int end, AliasEntry[] entries) {
            this.begin = begin;
            this.end = end;
            this.entries = entries;
        }
    }

    /** All names of an entity, for tests and the benchmark. */
    public static List<String> names(Entity e) {
        return KnowledgeBaseChecker.names(e);
    }
}
