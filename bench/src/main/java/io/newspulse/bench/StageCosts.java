package io.newspulse.bench;

import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.moves.MarketMove;
import io.newspulse.common.moves.MoveExtractor;
import io.newspulse.common.moves.PriceContext;
import io.newspulse.common.moves.PriceContextLexicon;
import io.newspulse.common.moves.TextSegments;
import io.newspulse.common.tag.EntityTagger;
import io.newspulse.common.tag.Mention;
import io.newspulse.common.tag.TaggerRules;
import io.newspulse.common.text.Language;
import io.newspulse.common.text.LanguageDetector;
import io.newspulse.common.text.NormalizedText;
import io.newspulse.common.text.TextNormalizer;
import io.newspulse.common.text.WorkMeter;
import io.newspulse.common.tone.ToneScorer;
import io.newspulse.evaluation.corpus.MixedNewsCorpus;
import io.newspulse.evaluation.corpus.NewsDocument;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

/**
 * Where {@code DocumentAnalyzer.analyze} spends its CPU time: each stage, built as {@link
 * DocumentAnalyzer#create} builds it, run in the order {@code analyze} runs them over the corpus of
 * {@link TaggingBenchmark}, each timed per document in thread CPU time; then the whole {@code
 * analyze} in the same round, so that what the stages leave out (grouping mentions, summaries,
 * sectors, the result) shows as the difference. Prints the median CPU milliseconds per corpus pass,
 * and what the eight timer reads per document cost alone: the stage figures include their share.
 *
 * <pre>
 * java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
 *     io.newspulse.bench.StageCosts [corpora folder] [rounds] [warm-up rounds]
 * </pre>
 */
public final class StageCosts {
    private static final String[] STAGES = {
        "language detection",
        "normalising",
        "tagging",
        "sentence and clause breaks",
        "moves",
        "price context",
        "tone",
        "analyze (whole)",
        "timer reads"
    };

    private StageCosts() {}

    public static void main(String[] args) {
        String location = args.length > 0 ? args[0] : "../shared/corpora";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        MixedNewsCorpus corpus = MixedNewsCorpus.load(location, 1_000_000);
        System.out.print(corpus.describe());

        KnowledgeBase kb = KnowledgeBase.embedded();
        TextNormalizer normalizer = new TextNormalizer();
        LanguageDetector detector = new LanguageDetector();
        EntityTagger tagger =
                new EntityTagger(kb, normalizer::fold, TaggerRules.embedded(normalizer::fold));
        MoveExtractor moves = MoveExtractor.fromClasspath();
        PriceContext prices =
                new PriceContext(PriceContextLexicon.fromClasspath(), normalizer::fold);
        ToneScorer tone = ToneScorer.fromClasspath();
        DocumentAnalyzer analyzer = DocumentAnalyzer.create(kb);
        List<NewsDocument> docs = corpus.documents();

        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[][] cpu = new long[STAGES.length][rounds];
        long sink = 0;
        for (int round = -warmUp; round < rounds; round++) {
            long[] t = new long[STAGES.length];
            for (NewsDocument d : docs) {
                String full = d.text();
                WorkMeter meter = WorkMeter.unlimited();
                long a = mx.getCurrentThreadCpuTime();
                Language language = detector.detect(full, d.declaredLanguage());
                long b = mx.getCurrentThreadCpuTime();
                NormalizedText text = normalizer.normalize(full, meter);
                long c = mx.getCurrentThreadCpuTime();
                List<Mention> mentions = tagger.tag(text, language, meter);
                long e = mx.getCurrentThreadCpuTime();
                TextSegments segments = TextSegments.of(text, meter);
                long f = mx.getCurrentThreadCpuTime();
                List<MarketMove> found = moves.extract(text, mentions, segments, meter);
                long g = mx.getCurrentThreadCpuTime();
                found = prices.priceMovesOnly(full, found);
                long h = mx.getCurrentThreadCpuTime();
                if (!mentions.isEmpty()) {
                    sink += tone.score(text, mentions, segments, meter).size();
                }
                long k = mx.getCurrentThreadCpuTime();
                sink += found.size();
                t[0] += b - a;
                t[1] += c - b;
                t[2] += e - c;
                t[3] += f - e;
                t[4] += g - f;
                t[5] += h - g;
                t[6] += k - h;
            }
            long a = mx.getCurrentThreadCpuTime();
            for (NewsDocument d : docs) {
                sink += analyzer.analyze(d.title(), d.body(), d.declaredLanguage()).moves().size();
            }
            t[7] = mx.getCurrentThreadCpuTime() - a;
            long timers = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < docs.size() * 8; i++) {
                sink += mx.getCurrentThreadCpuTime() & 1;
            }
            t[8] = mx.getCurrentThreadCpuTime() - timers;
            if (round >= 0) {
                for (int s = 0; s < STAGES.length; s++) {
                    cpu[s][round] = t[s];
                }
            }
        }

        System.out.printf(
                "%n%d rounds after %d warm-up rounds, thread CPU time, medians (%d)%n",
                rounds, warmUp, sink % 2);
        System.out.printf("%-28s %10s%n", "stage", "CPU ms");
        double stages = 0;
        for (int s = 0; s < STAGES.length; s++) {
            long[] sorted = cpu[s].clone();
            Arrays.sort(sorted);
            double ms = sorted[rounds / 2] / 1e6;
            if (s < 7) {
                stages += ms;
            }
            System.out.printf("%-28s %10.1f%n", STAGES[s], ms);
        }
        System.out.printf("%-28s %10.1f%n", "sum of the stages", stages);
    }
}
