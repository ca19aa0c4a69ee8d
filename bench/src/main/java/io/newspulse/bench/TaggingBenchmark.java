package io.newspulse.bench;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.kb.Entity;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.tag.EntityTagger;
import io.newspulse.common.tag.TaggerRules;
import io.newspulse.common.text.Language;
import io.newspulse.common.text.LanguageDetector;
import io.newspulse.common.text.TextNormalizer;
import io.newspulse.evaluation.corpus.MixedNewsCorpus;
import io.newspulse.evaluation.corpus.NewsDocument;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-threaded throughput of matching, normalising, tagging and full analysis over one mixed
 * zh/ar/en corpus ({@link MixedNewsCorpus}). One operation is one pass over every document, so
 * ops/s times the corpus size in bytes is the MB/s {@link BenchMain} prints.
 *
 * <ul>
 *   <li>{@code rawHankcs}: the bare automaton over the already normalised text, with the tagger's
 *       alias keys and a counting hit handler: the ceiling for dictionary matching.
 *   <li>{@code normalize}: {@link TextNormalizer#normalize} of the raw text.
 *   <li>{@code normalizeAndTag}: normalise, then {@link EntityTagger#tag}, per document.
 *   <li>{@code analyze}: {@link DocumentAnalyzer#analyze} (adds language detection, moves, tone).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class TaggingBenchmark {
    /** Folder of the research corpora, or {@code synthetic} for generated text. */
    @Param({"../shared/corpora"})
    public String corpora;

    /** UTF-8 bytes taken from each language. */
    @Param({"1000000"})
    public int bytesPerLanguage;

    private String[] raw;
    private String[] titles;
    private String[] bodies;
    private String[] declared;
    private Language[] languages;
    private String[] normalized;
    private TextNormalizer normalizer;
    private EntityTagger tagger;
    private DocumentAnalyzer analyzer;
    private AhoCorasickDoubleArrayTrie<String> aliases;
    private final HitCounter hits = new HitCounter();

    @Setup
    public void setUp() {
        MixedNewsCorpus corpus = MixedNewsCorpus.load(corpora, bytesPerLanguage);
        KnowledgeBase kb = KnowledgeBase.embedded();
        normalizer = new TextNormalizer();
        tagger = new EntityTagger(kb, normalizer::fold, TaggerRules.embedded(normalizer::fold));
        analyzer = DocumentAnalyzer.create(kb);
        aliases = aliasTrie(kb, normalizer);

        List<NewsDocument> docs = corpus.documents();
        int n = docs.size();
        raw = new String[n];
        titles = new String[n];
        bodies = new String[n];
        declared = new String[n];
        languages = new Language[n];
        normalized = new String[n];
        LanguageDetector detector = new LanguageDetector();
        for (int i = 0; i < n; i++) {
            NewsDocument d = docs.get(i);
            raw[i] = d.text();
            titles[i] = d.title();
            bodies[i] = d.body();
            declared[i] = d.declaredLanguage();
            // As analyze() does; detection itself is only measured in analyze.
            languages[i] = detector.detect(d.text(), d.declaredLanguage());
            normalized[i] = normalizer.normalize(d.text()).text();
        }
    }

    /**
     * The tagger's dictionary keys: every name of every entity, folded and stripped, without single
     * Han characters (EntityTagger skips those too).
     */
    static AhoCorasickDoubleArrayTrie<String> aliasTrie(KnowledgeBase kb, TextNormalizer n) {
        TreeMap<String, String> keys = new TreeMap<>();
        for (Entity e : kb.entities()) {
            for (String name : EntityTagger.names(e)) {
                String key = n.fold(name).strip();
                if (!key.isEmpty() && !(key.length() == 1 && isHan(key.charAt(0)))) {
                    keys.put(key, key);
                }
            }
        }
        AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();
        trie.build(keys);
        return trie;
    }

    /** The Han ranges of io.newspulse.common.tag.Scripts (package-private there). */
    private static boolean isHan(char c) {
        return (c >= '\u4e00' && c <= '\u9fff')
                || (c >= '\u3400' && c <= '\u4dbf')
                || (c >= '\uf900' && c <= '\ufaff');
    }

    @Benchmark
    public int rawHankcs() {
        hits.count = 0;
        for (String s : normalized) {
            aliases.parseText(s, hits);
        }
        return hits.count;
    }

    @Benchmark
    public void normalize(Blackhole bh) {
        for (String s : raw) {
            bh.consume(normalizer.normalize(s));
        }
    }

    @Benchmark
    public void normalizeAndTag(Blackhole bh) {
        for (int i = 0; i < raw.length; i++) {
            bh.consume(tagger.tag(normalizer.normalize(raw[i]), languages[i]));
        }
    }

    @Benchmark
    public void analyze(Blackhole bh) {
        for (int i = 0; i < raw.length; i++) {
            bh.consume(analyzer.analyze(titles[i], bodies[i], declared[i]));
        }
    }

    /** Counts hits without keeping them. */
    static final class HitCounter implements AhoCorasickDoubleArrayTrie.IHit<String> {
        int count;

        @Override
        public void hit(int begin, int end, String value) {
            count++;
        }
    }
}
