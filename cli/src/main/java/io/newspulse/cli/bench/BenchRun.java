package io.newspulse.cli.bench;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.evaluation.corpus.MixedNewsCorpus;
import io.newspulse.local.LocalElasticsearch;
import io.newspulse.local.LocalKafka;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The sequence of measurements of {@code newspulse bench}, and its report. */
public final class BenchRun {
    private BenchRun() {}

    /**
     * What to run.
     *
     * @param articles articles per throughput run
     * @param loads offered loads of the latency runs, articles/s
     * @param duration paced sending per latency run
     * @param guarantees alerts guarantees of the latency runs
     * @param checkpointInterval checkpoint interval of the latency runs
     * @param skipThroughput no throughput runs
     * @param skipLatency no latency runs
     * @param uiPort first port of the Flink web UI
     * @param timeout longest time one run may take
     */
    public record Options(
            int articles,
            List<Integer> loads,
            Duration duration,
            List<NewspulseConfig.Guarantee> guarantees,
            Duration checkpointInterval,
            boolean skipThroughput,
            boolean skipLatency,
            int uiPort,
            Duration timeout) {}

    /** The text the articles are made of and how to name it in the report. */
    public record Text(MixedNewsCorpus corpus, String description) {}

    /** Parses {@code at_least_once} / {@code exactly_once} (any case, dashes allowed). */
    public static List<NewspulseConfig.Guarantee> guarantees(List<String> names) {
        List<NewspulseConfig.Guarantee> out = new ArrayList<>();
        for (String n : names) {
            try {
                out.add(
                        NewspulseConfig.Guarantee.valueOf(
                                n.strip().replace('-', '_').toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown guarantee '" + n + "': expected at_least_once or exactly_once");
            }
        }
        return out;
    }

    /**
     * The research corpora at {@code location}; when they are missing, generated text with a
     * warning (the report then says SYNTHETIC).
     */
    public static Text text(String location, int bytesPerLanguage, PrintWriter err) {
        MixedNewsCorpus corpus;
        try {
            corpus = MixedNewsCorpus.load(location, bytesPerLanguage);
        } catch (IllegalStateException e) {
            err.println("WARNING: " + e.getMessage());
            err.println(
                    "WARNING: measuring SYNTHETIC text instead (knowledge-base names between filler"
                            + " words); its figures are not those of real news.");
            corpus = MixedNewsCorpus.load(MixedNewsCorpus.SYNTHETIC, bytesPerLanguage);
        }
        err.print(corpus.describe());
        err.flush();
        String what =
                (corpus.synthetic() ? "SYNTHETIC generated zh/ar/en text" : "real zh/ar/en news")
                        + String.format(
                                " (%,d documents, %,d UTF-8 bytes, repeated in order)",
                                corpus.size(), corpus.utf8Bytes());
        return new Text(corpus, what);
    }

    /** Runs the measurements and prints the report to {@code out}; progress goes to {@code err}. */
    public static void run(
            Options o,
            LocalKafka kafka,
            LocalElasticsearch es,
            Path home,
            Text text,
            PrintWriter out,
            PrintWriter err)
            throws Exception {
        EndToEndBench bench =
                new EndToEndBench(
                        kafka,
                        es,
                        home,
                        text.corpus(),
                        new EndToEndBench.Settings(
                                o.articles(),
                                o.checkpointInterval(),
                                Duration.ofSeconds(10),
                                Duration.ofSeconds(5),
                                o.uiPort(),
                                o.timeout()),
                        err);
        List<BenchResults.Throughput> throughput = new ArrayList<>();
        List<BenchResults.Latency> latency = new ArrayList<>();
        if (!o.skipThroughput()) {
            throughput.add(bench.throughput(false, true));
            report(err, throughput.get(throughput.size() - 1));
            if (es != null) {
                throughput.add(bench.throughput(true, false));
                report(err, throughput.get(throughput.size() - 1));
            }
        }
        if (!o.skipLatency()) {
            for (NewspulseConfig.Guarantee g : o.guarantees()) {
                for (int load : o.loads()) {
                    err.printf("latency: %s at %,d articles/s ...%n", g, load);
                    err.flush();
                    BenchResults.Latency l = bench.latency(g, load, o.duration(), es != null);
                    latency.add(l);
                    err.printf(
                            "latency: %s at %,d/s: enriched %s; price moves %s%n",
                            g, load, l.enriched().describe(), l.priceMoves().describe());
                    err.flush();
                }
            }
        }
        BenchReport.print(out, text.description(), throughput, latency);
    }

    private static void report(PrintWriter err, BenchResults.Throughput t) {
        err.printf(
                "%s: %,.0f articles/s (%,d in %.1f s after a %.1f s start), load avg %s%n",
                t.label(),
                t.perSecond(),
                t.articles(),
                t.seconds(),
                t.startupSeconds(),
                t.loadAverage());
        err.flush();
    }
}
