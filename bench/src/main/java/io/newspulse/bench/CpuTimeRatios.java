package io.newspulse.bench;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.tag.EntityTagger;
import io.newspulse.common.tag.TaggerRules;
import io.newspulse.common.text.Language;
import io.newspulse.common.text.LanguageDetector;
import io.newspulse.common.text.TextNormalizer;
import io.newspulse.common.text.WorkMeter;
import io.newspulse.evaluation.corpus.MixedNewsCorpus;
import io.newspulse.evaluation.corpus.NewsDocument;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

/**
 * The ratios of {@link TaggingBenchmark} measured in thread CPU time rather than wall time, with
 * the bytes each pass allocates: one JVM, the three passes ({@code rawHankcs}, {@code
 * normalizeAndTag}, {@code analyze}) interleaved round by round over the same corpus, so that they
 * share whatever else the machine is doing. A cross-check for a machine too busy for JMH's
 * wall-clock figures.
 *
 * <pre>
 * java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
 *     io.newspulse.bench.CpuTimeRatios [corpora folder] [rounds] [warm-up rounds]
 * </pre>
 */
public final class CpuTimeRatios {
    private static final String[] NAMES = {"rawHankcs", "normalizeAndTag", "analyze"};

    private CpuTimeRatios() {}

    public static void main(String[] args) {
        String location = args.length > 0 ? args[0] : "../shared/corpora";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        MixedNewsCorpus corpus = MixedNewsCorpus.load(location, 1_000_000);
        System.out.print(corpus.describe());

        KnowledgeBase kb = KnowledgeBase.embedded();
        TextNormalizer normalizer = new TextNormalizer();
        EntityTagger tagger =
                new EntityTagger(kb, normalizer::fold, TaggerRules.embedded(normalizer::fold));
        DocumentAnalyzer analyzer = DocumentAnalyzer.create(kb);
        AhoCorasickDoubleArrayTrie<String> aliases = TaggingBenchmark.aliasTrie(kb, normalizer);
        List<NewsDocument> docs = corpus.documents();
        LanguageDetector detector = new LanguageDetector();
        Language[] languages = new Language[docs.size()];
        String[] normalized = new String[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            NewsDocument d = docs.get(i);
            languages[i] = detector.detect(d.text(), d.declaredLanguage());
            normalized[i] = normalizer.normalize(d.text()).text();
        }

        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long[][] cpu = new long[NAMES.length][rounds];
        long[][] allocated = new long[NAMES.length][rounds];
        TaggingBenchmark.HitCounter hits = new TaggingBenchmark.HitCounter();
        long sink = 0;
        for (int round = -warmUp; round < rounds; round++) {
            for (int b = 0; b < NAMES.length; b++) {
                long t0 = mx.getCurrentThreadCpuTime();
                long a0 = mx.getThreadAllocatedBytes(thread);
                for (int i = 0; i < docs.size(); i++) {
                    NewsDocument d = docs.get(i);
                    switch (b) {
                        case 0 -> aliases.parseText(normalized[i], hits);
                        case 1 ->
                                sink +=
                                        tagger.tag(normalizer.normalize(d.text()), languages[i])
                                                .size();
                        default ->
                                sink +=
                                        analyzer.analyze(d.title(), d.body(), d.declaredLanguage())
                                                .entities()
                                                .size();
                    }
                }
                if (round >= 0) {
                    cpu[b][round] = mx.getCurrentThreadCpuTime() - t0;
                    allocated[b][round] = mx.getThreadAllocatedBytes(thread) - a0;
                }
            }
        }
        double bytes = corpus.utf8Bytes();
        double raw = median(cpu[0]);
        System.out.printf(
                "%n%d rounds after %d warm-up rounds, thread CPU time, medians (%d)%n",
                rounds, warmUp, sink % 2);
        System.out.printf(
                "%-16s %10s %10s %12s %18s%n",
                "pass", "CPU ms", "MB/s", "x rawHankcs", "bytes alloc/byte");
        for (int b = 0; b < NAMES.length; b++) {
            double ms = median(cpu[b]) / 1e6;
            System.out.printf(
                    "%-16s %10.1f %10.2f %12.3f %18.2f%n",
                    NAMES[b],
                    ms,
                    bytes / 1e6 / (ms / 1e3),
                    raw / median(cpu[b]),
                    median(allocated[b]) / bytes);
        }
        hostile(analyzer, mx, thread);
    }

    private static void hostile(
            DocumentAnalyzer analyzer, com.sun.management.ThreadMXBean mx, long thread) {
        System.out.printf(
                "%nHostile inputs, analyze, best of 3 in thread CPU time%n%-18s %10s %10s %10s %12s"
                        + " %18s%n",
                "input", "KB", "CPU ms", "us/KB", "units/char", "bytes alloc/byte");
        for (String name : HostileBenchmark.INPUTS) {
            String text = HostileBenchmark.text(name);
            double kb = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1024.0;
            long best = Long.MAX_VALUE;
            long allocated = 0;
            long units = 0;
            for (int r = 0; r < 3; r++) {
                WorkMeter meter = WorkMeter.unlimited();
                long t0 = mx.getCurrentThreadCpuTime();
                long a0 = mx.getThreadAllocatedBytes(thread);
                analyzer.analyze("Hostile", text, null, meter);
                best = Math.min(best, mx.getCurrentThreadCpuTime() - t0);
                allocated = mx.getThreadAllocatedBytes(thread) - a0;
                units = meter.used();
            }
            System.out.printf(
                    "%-18s %10.0f %10.1f %10.1f %12.1f %18.2f%n",
                    name,
                    kb,
                    best / 1e6,
                    best / 1e3 / kb,
                    (double) units / text.length(),
                    allocated / (kb * 1024));
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
