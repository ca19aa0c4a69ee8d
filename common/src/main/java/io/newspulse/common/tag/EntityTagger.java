package io.newspulse.common.tag;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.newspulse.common.kb.Entity;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.kb.KnowledgeBaseChecker;
import io.newspulse.common.text.Language;
import io.newspulse.common.text.NormalizedText;
import io.newspulse.common.text.WorkMeter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * <p>Cost: one automaton pass finds names and boilerplate cues, one walk over the characters finds
 * ticker tokens and one over the lines places paragraphs. Each hit then costs at most a few bounded
 * windows ({@code contextWindow}, the entity-context and person-name windows) and its own length
 * when the non-overlapping set is chosen. So tagging is O(length + hits x window), charged to the
 * {@link WorkMeter} given; when the meter runs out, the hits not yet resolved are dropped.
 *
 * <p>Immutable and thread-safe; build it once per knowledge base.
 */
public final class EntityTagger {
    /** Longest first, then leftmost, then the most confident (as a stable sort keeps them). */
    private static final Comparator<Mention> LONGEST_FIRST =
            (a, b) -> {
                int c = Integer.compare(a.normStart() - a.normEnd(), b.normStart() - b.normEnd());
                if (c != 0) {
                    return c;
                }
                c = Integer.compare(a.normStart(), b.normStart());
                return c != 0 ? c : Double.compare(-a.confidence(), -b.confidence());
            };

    private static final Comparator<Mention> TEXT_ORDER =
            (a, b) -> Integer.compare(a.normStart(), b.normStart());

    private final KnowledgeBase kb;
    private final TaggerRules rules;

    /**
     * Names and boilerplate cues. Its values are the shared role markers ({@link Role}), which a
     * pass compares by identity; a hit's {@link Key} is looked up by index only when it passes the
     * boundary rules, so most hits touch no per-key memory.
     */
    private final AhoCorasickDoubleArrayTrie<Role> trie = new AhoCorasickDoubleArrayTrie<>();

    /** The automaton's keys by index. */
    private final Key[] keys;

    /** What a dictionary key is: a name, a boilerplate cue, or both. */
    enum Role {
        NAME,
        CUE,
        NAME_AND_CUE
    }

    /** Entity index by id: strong entities and context words are kept per index. */
    private final Map<String, Integer> entityIndex = new HashMap<>();

    private final ParagraphFilter paragraphs;
    private final TickerScanner tickers;
    private final ContextRules context;
    private final PersonNames persons;

    /** Per-thread buffers, so that tagging a document allocates little beyond its mentions. */
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

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
        Map<String, List<String>> contextWords = new HashMap<>();
        for (Entity e : kb.entities()) {
            entityIndex.putIfAbsent(e.id(), entityIndex.size());
            addNames(e, fold, dictionary);
            List<String> words = new ArrayList<>();
            e.context().forEach(w -> words.add(fold.apply(w)));
            e.tickers().forEach(t -> words.add(fold.apply(t)));
            contextWords.put(e.id(), words);
        }
        WordSet[] wordsByEntity = new WordSet[entityIndex.size()];
        contextWords.forEach(
                (id, words) -> wordsByEntity[entityIndex.get(id)] = new WordSet(words, true));
        TreeMap<String, Key> built = new TreeMap<>();
        dictionary.forEach(
                (k, v) -> built.put(k, new Key(v.toArray(AliasEntry[]::new), entityIndex, false)));
        // Boilerplate cues ride along in the same automaton: one pass finds names and cues.
        for (String cue : rules.boilerplate) {
            built.merge(
                    cue,
                    new Key(new AliasEntry[0], entityIndex, true),
                    (name, bare) -> new Key(name.entries, entityIndex, true));
        }
        TreeMap<String, Role> roles = new TreeMap<>();
        built.forEach(
                (k, key) ->
                        roles.put(
                                k,
                                !key.cue
                                        ? Role.NAME
                                        : key.entries.length == 0 ? Role.CUE : Role.NAME_AND_CUE));
        trie.build(roles);
        this.keys = built.values().toArray(Key[]::new);
        this.paragraphs = new ParagraphFilter();
        this.context = new ContextRules(rules, wordsByEntity);
        this.persons = new PersonNames(rules);
        this.tickers = new TickerScanner(kb, rules, context, entityIndex);
    }

    private void addNames(
            Entity e, UnaryOperator<String> fold, TreeMap<String, List<AliasEntry>> dictionary) {
        Set<String> contextRequired = folded(e.contextRequired(), fold);
        Set<String> evidenceRequired = folded(e.evidenceRequired(), fold);
        contextRequired.addAll(evidenceRequired);
        Set<String> ambiguous = folded(e.ambiguous(), fold);
        Map<String, AliasEntry> perEntity = new LinkedHashMap<>();
        NameRules names = new NameRules(contextRequired, evidenceRequired, ambiguous);
        add(perEntity, e, e.name(), "en", true, fold, names);
        for (String lang : Entity.LANGUAGES) {
            for (String a : e.aliases(lang)) {
                add(perEntity, e, a, lang, false, fold, names);
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
            NameRules names) {
        Set<String> contextRequired = names.contextRequired();
        Set<String> ambiguous = names.ambiguous();
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
                        names.evidenceRequired().contains(key),
                        ambiguous.contains(key),
                        capitalised,
                        shortLatin),
                (a, b) -> a.capitalised() && !b.capitalised() ? b : a);
    }

    /** The folded names of an entity that need context, evidence, or are shared. */
    private record NameRules(
            Set<String> contextRequired, Set<String> evidenceRequired, Set<String> ambiguous) {}

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
        return tag(text, language, WorkMeter.unlimited());
    }

    /**
     * Mentions in a whole document, in text order, charging the work to {@code meter}; when it runs
     * out, the mentions resolved so far.
     */
    public List<Mention> tag(NormalizedText text, Language language, WorkMeter meter) {
        Scratch sc = scratch.get();
        try {
            return tag(text, language, sc, meter);
        } finally {
            sc.clear();
        }
    }

    /** Characters a hit's context checks may read: both sides of the widest window. */
    private int hitWindow() {
        return 2 * Math.max(rules.contextWindow, ContextRules.ENTITY_CONTEXT_WINDOW);
    }

    private List<Mention> tag(NormalizedText text, Language language, Scratch sc, WorkMeter meter) {
        char[] t = text.text().toCharArray();
        Candidates candidates = sc.candidates;
        candidates.start(t, rules, keys);
        meter.charge(t.length);
        trie.parseText(t, candidates);
        BitSet excluded =
                paragraphs.excluded(t, candidates.cueBegins, candidates.cueEnds, candidates.cues);
        candidates.dropExcluded(excluded);
        BitSet strong = sc.strong;
        for (int k = 0; k < candidates.size; k++) {
            Key key = candidates.keys[k];
            if (key.strongEntity >= 0) {
                strong.set(key.strongEntity);
            }
        }
        meter.charge(2L * t.length + candidates.size); // paragraphs, strong entities
        List<Mention> found = sc.found;
        tickers.scan(text, t, excluded, candidates, strong, found, meter);
        for (Mention m : found) {
            strong.set(entityIndex.get(m.entityId()));
        }
        int window = hitWindow();
        for (int k = 0; k < candidates.size && !meter.exhausted(); k++) {
            meter.charge(window);
            Mention m = resolve(text, candidates, k, strong, language, sc);
            if (m != null) {
                found.add(m);
            }
        }
        return longestFirst(found, sc.taken, meter);
    }

    private Mention resolve(
            NormalizedText text,
            Candidates candidates,
            int k,
            BitSet strong,
            Language lang,
            Scratch sc) {
        int begin = candidates.begins[k];
        int end = candidates.ends[k];
        Key key = candidates.keys[k];
        AliasEntry[] entries = key.entries;
        char[] t = candidates.chars;
        if (rules.namesOtherProduct(t, begin)) {
            return null; // "heating oil prices": another product than the name's
        }
        int[] viable = sc.viable(entries.length);
        int viableCount = 0;
        // Checks that do not depend on the entry, computed at most once per candidate.
        int capitalised = UNKNOWN;
        int companyWords = UNKNOWN;
        int surname = UNKNOWN;
        for (int i = 0; i < entries.length; i++) {
            AliasEntry a = entries[i];
            if (key.latinCapitalised[i]) {
                if (capitalised == UNKNOWN) {
                    capitalised = Boundaries.originalCapitalised(text, begin, end) ? YES : NO;
                }
                if (capitalised == NO) {
                    continue;
                }
            }
            if (a.exactCase() && !Boundaries.originalEquals(text, begin, end, a.alias())) {
                continue;
            }
            if (key.latinContextRequired[i]) {
                // "Tony Abbott", "Mr Ford": a person, whatever the rest of the document says.
                if (surname == UNKNOWN) {
                    surname = persons.surnameAt(text, t, begin) ? YES : NO;
                }
                if (surname == YES) {
                    continue;
                }
            }
            if (a.contextRequired()) {
                int entity = key.entities[i];
                boolean ok = strong.get(entity);
                if (!ok && a.evidenceRequired()) {
                    ok =
                            context.entityContextNear(t, begin, end, entity)
                                    || context.companyWordsTight(t, begin, end);
                } else if (!ok) {
                    if (companyWords == UNKNOWN) {
                        companyWords = context.companyWordsNear(t, begin, end) ? YES : NO;
                    }
                    ok = companyWords == YES || context.entityContextNear(t, begin, end, entity);
                }
                if (!ok) {
                    continue;
                }
            }
            viable[viableCount++] = i;
        }
        if (viableCount == 0) {
            return null;
        }
        if (viableCount == 1 && entries.length == 1) {
            AliasEntry a = entries[viable[0]];
            String rule = a.contextRequired() ? "context" : a.canonical() ? "name" : "alias";
            return mention(text, begin, end, a, rule, confidence(a));
        }
        return disambiguate(text, t, begin, end, key, viable, viableCount, strong, lang);
    }

    private static final int UNKNOWN = 0;
    private static final int YES = 1;
    private static final int NO = 2;

    private Mention disambiguate(
            NormalizedText text,
            char[] t,
            int begin,
            int end,
            Key key,
            int[] viable,
            int viableCount,
            BitSet strong,
            Language lang) {
        AliasEntry best = null;
        int bestScore = 0;
        boolean tie = false;
        for (int v = 0; v < viableCount; v++) {
            int i = viable[v];
            AliasEntry a = key.entries[i];
            int entity = key.entities[i];
            int score = strong.get(entity) ? 3 : 0;
            score += context.entityContextNear(t, begin, end, entity) ? 2 : 0;
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
            return mention(text, begin, end, key.entries[viable[0]], "ambiguous", 0.4);
        }
        return mention(text, begin, end, best, "ambiguous", bestScore >= 3 ? 0.8 : 0.6);
    }

    private static double confidence(AliasEntry a) {
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
            NormalizedText text, int begin, int end, AliasEntry a, String rule, double confidence) {
        int start = text.originalStart(begin);
        int stop = text.originalEnd(end);
        return new Mention(
                a.entityId(),
                a.alias(),
                start,
                stop,
                begin,
                end,
                text.original().substring(start, stop),
                rule,
                confidence);
    }

    /**
     * Longest hits first, then leftmost: "Dow Chemical" beats an earlier-starting but shorter "the
     * Dow". Returns the kept mentions in text order.
     */
    private static List<Mention> longestFirst(List<Mention> found, BitSet taken, WorkMeter meter) {
        found.sort(LONGEST_FIRST);
        List<Mention> out = new ArrayList<>(found.size());
        for (Mention m : found) {
            // Only the mention's own positions are read: nextSetBit could run far past them.
            meter.charge(m.normEnd() - m.normStart());
            if (isFree(taken, m.normStart(), m.normEnd())) {
                taken.set(m.normStart(), m.normEnd());
                out.add(m);
            }
        }
        out.sort(TEXT_ORDER);
        return out;
    }

    private static boolean isFree(BitSet taken, int from, int to) {
        for (int p = from; p < to; p++) {
            if (taken.get(p)) {
                return false;
            }
        }
        return true;
    }

    /** The dictionary value of one key: its entries, with what the tagger derives from them. */
    static final class Key {
        final AliasEntry[] entries;

        /** Entity index of each entry. */
        final int[] entities;

        /** Whether an entry needs an upper-case first letter in the original (a Latin name). */
        final boolean[] latinCapitalised;

        /** The entity this key names unambiguously and without context, or -1. */
        final int strongEntity;

        /** Whether an entry is a context-required Latin name (may be a person's surname). */
        final boolean[] latinContextRequired;

        /** Whether the key is also a boilerplate cue ({@link ParagraphFilter}). */
        final boolean cue;

        Key(AliasEntry[] entries, Map<String, Integer> entityIndex, boolean cue) {
            this.entries = entries;
            this.cue = cue;
            this.entities = new int[entries.length];
            this.latinCapitalised = new boolean[entries.length];
            this.latinContextRequired = new boolean[entries.length];
            for (int i = 0; i < entries.length; i++) {
                AliasEntry a = entries[i];
                entities[i] = entityIndex.get(a.entityId());
                boolean latin = Scripts.isLatinKey(a.alias().toLowerCase(Locale.ROOT));
                latinCapitalised[i] = a.capitalised() && latin;
                latinContextRequired[i] = a.contextRequired() && latin;
            }
            this.strongEntity =
                    entries.length == 1 && !entries[0].contextRequired() ? entities[0] : -1;
        }
    }

    /**
     * The automaton hits of one document that pass the boundary rules, in hit order (by end, then
     * longest first), as parallel arrays; and the boilerplate cues found on the way.
     */
    static final class Candidates implements AhoCorasickDoubleArrayTrie.IHitFull<Role> {
        int[] begins = new int[64];
        int[] ends = new int[64];
        Key[] keys = new Key[64];
        int size;

        int[] cueBegins = new int[8];
        int[] cueEnds = new int[8];
        int cues;

        /** The characters of the normalised text. */
        char[] chars;

        private TaggerRules rules;
        private Key[] allKeys;

        void start(char[] chars, TaggerRules rules, Key[] allKeys) {
            this.chars = chars;
            this.rules = rules;
            this.allKeys = allKeys;
            size = 0;
            cues = 0;
        }

        @Override
        public void hit(int begin, int end, Role role, int index) {
            if (role != Role.NAME) {
                if (cues == cueBegins.length) {
                    cueBegins = Arrays.copyOf(cueBegins, cues * 2);
                    cueEnds = Arrays.copyOf(cueEnds, cues * 2);
                }
                cueBegins[cues] = begin;
                cueEnds[cues] = end;
                cues++;
            }
            if (role != Role.CUE
                    && Boundaries.ok(chars, begin, end, rules)
                    && !Boundaries.startsLongerName(chars, begin, end, rules)) {
                if (size == begins.length) {
                    begins = Arrays.copyOf(begins, size * 2);
                    ends = Arrays.copyOf(ends, size * 2);
                    keys = Arrays.copyOf(keys, size * 2);
                }
                begins[size] = begin;
                ends[size] = end;
                keys[size] = allKeys[index];
                size++;
            }
        }

        /** Removes the hits that start in an excluded paragraph, keeping the order of the rest. */
        void dropExcluded(BitSet excluded) {
            if (excluded.isEmpty()) {
                return;
            }
            int kept = 0;
            for (int k = 0; k < size; k++) {
                if (!excluded.get(begins[k])) {
                    begins[kept] = begins[k];
                    ends[kept] = ends[k];
                    keys[kept] = keys[k];
                    kept++;
                }
            }
            Arrays.fill(keys, kept, size, null);
            size = kept;
        }

        void clear() {
            Arrays.fill(keys, 0, size, null);
            size = 0;
            cues = 0;
            chars = null;
            allKeys = null;
        }
    }

    /** Buffers reused from document to document by one thread. */
    private static final class Scratch {
        final Candidates candidates = new Candidates();
        final BitSet strong = new BitSet();
        final BitSet taken = new BitSet();
        final List<Mention> found = new ArrayList<>();
        private int[] viable = new int[8];

        int[] viable(int n) {
            if (viable.length < n) {
                viable = new int[n];
            }
            return viable;
        }

        void clear() {
            candidates.clear();
            strong.clear();
            taken.clear();
            found.clear();
        }
    }

    /** All names of an entity, for tests and the benchmark. */
    public static List<String> names(Entity e) {
        return KnowledgeBaseChecker.names(e);
    }
}
